import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // A loaded machine makes a test slower, not red: the queries wait up to 15 s (setup.ts), and one
    // test drives several of them.
    testTimeout: 60000,
    // Each file gets a fresh document (jsdom) but shares the loaded modules with the files before it
    // in its worker: loading antd and its dependencies again for every file took half of the time.
    // The setup file resets what a test may leave behind (mocks, stubbed globals, cookies, language).
    isolate: false,
  },
});
