import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is built into the package (dist/web) and served by `ratchet server` at `/`: no CDN at run time.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  server: {
    // `npx vite web` during development: the API comes from a running `ratchet server`.
    proxy: { '/api': process.env.RATCHET_TRACKING_URI ?? 'http://127.0.0.1:5000' },
  },
});
