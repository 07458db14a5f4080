// Vite build of the LIFF mini-app, served by the bot at /liff/.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { privacyPages } from './vite-privacy.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  plugins: [preact(), privacyPages()],
  // Built into dist/liff/ so that URL paths (/liff/…) map to files the same way on Node and Workers assets.
  build: {
    outDir: 'dist/liff',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The LIFF SDK (and its mock) in one chunk named liff-sdk: loaded on demand, and left out of the app's
        // 45 KB budget (issue 17), which bench/liff.ts measures by this name.
        // The pages after the first screen come in two chunks by who uses them, not one per page: each chunk
        // costs its own gzip dictionary and imports, which made a third of the app's bytes (bench/liff.ts).
        // The overview and the score card are in the entry: they are the first screen most links open.
        codeSplitting: {
          groups: [
            { name: 'liff-sdk', test: /node_modules[\\/]@line[\\/]/, priority: 4 },
            // What every page needs stays with the shell, ahead of the groups below that would take it along.
            {
              name: 'app',
              test: /node_modules[\\/](?:preact|hono)[\\/]|src[\\/](?:lib|ui|features[\\/]scores)[\\/]|src[\\/](?:app|routes|main)\.tsx|[\\/]core[\\/]/,
              priority: 3,
            },
            {
              name: 'complaints',
              test: /src[\\/]features[\\/](?:complaints|cases)[\\/]/,
            },
            {
              name: 'ita-work',
              test: /src[\\/]features[\\/](?:plan|surveys|reports|tools|quota)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
