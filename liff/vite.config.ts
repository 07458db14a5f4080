// Vite build of the LIFF mini-app, served by the bot at /liff/.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { workersHeaders } from './vite-headers.ts';
import { privacyPages } from './vite-privacy.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  plugins: [preact(), privacyPages(), workersHeaders()],
  // Built into dist/liff/ so that URL paths (/liff/…) map to files the same way on Node and Workers assets.
  build: {
    outDir: 'dist/liff',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The LIFF SDK (and its mock) in one chunk named liff-sdk: loaded on demand, and left out of the app's
        // 60 KB budget (issue 7 §3), which bench/liff.ts measures by this name.
        codeSplitting: { groups: [{ name: 'liff-sdk', test: /node_modules[\\/]@line[\\/]/ }] },
      },
    },
  },
});
