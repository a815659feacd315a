import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Paths are relative to this folder so `vite build --config apps/dashboard/vite.config.ts` works from the repo root.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/apps/dashboard'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own: each stays under the size warning and is cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'chart', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
            { name: 'map', test: /node_modules[\\/]@svg-maps[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config apps/dashboard/vite.config.ts` next to `npm start` (port 3000) for live editing.
    proxy: { '/api': 'http://127.0.0.1:3000', '/vendor': 'http://127.0.0.1:3000' },
  },
});
