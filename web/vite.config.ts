import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built by `npm install` (postinstall) into web/dist, which the server serves at /.
// Everything is bundled: the build needs no network and the page loads nothing from outside.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and echarts are large; pages are split per area (see App.tsx) so the public portal stays light.
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': process.env.OW_API ?? 'http://localhost:8080' },
  },
});
