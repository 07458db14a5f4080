// Vite build of the LIFF mini-app, served by the bot at /liff/.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  plugins: [preact()],
  // Built into dist/liff/ so that URL paths (/liff/…) map to files the same way on Node and Workers assets.
  build: { outDir: 'dist/liff', emptyOutDir: true, target: 'es2022' },
});
