import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // renderer tests opt into a DOM with `// @vitest-environment happy-dom`
    testTimeout: 30_000,
    // KaTeX's stylesheet is read as text (?raw) by the worksheet's page: vitest would stub it empty
    css: { include: [/katex\.min\.css/] },
  },
});
