import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The same renderer as the desktop app, built as a plain web page (npm run web, e2e tests).
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
});
