import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const version = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')).version as string;

// The same renderer as the desktop app, built as a plain web page (npm run web, e2e tests).
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
});
