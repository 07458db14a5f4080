// Vite build of the LIFF mini-app, served by the bot at /liff/.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { workersHeaders } from './vite-headers.ts';
import { classicJsx, noPreloadHelper } from './vite-lean.ts';
import { privacyPages } from './vite-privacy.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  plugins: [preact(), classicJsx(), noPreloadHelper(), privacyPages(), workersHeaders()],
  // Built into dist/liff/ so that URL paths (/liff/…) map to files the same way on Node and Workers assets.
  build: {
    outDir: 'dist/liff',
    emptyOutDir: true,
    target: 'es2022',
    // One entry chunk holds everything the first screen runs, and the one later chunk imports only it: there is
    // nothing for module preloading (or its polyfill) to do. The later pages' few styles come with the first
    // stylesheet (~1.7 KB gzipped) rather than as a stylesheet of their own on the way to each page.
    modulePreload: false,
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Two chunks of the app's own, split by the import graph itself: the entry (app-*) holds what main.tsx
        // imports statically — the shell, the overview and the score card, the first screen most links open — and
        // the later pages (pages-*) are src/features/later-pages.ts, the one import() of routes.tsx, with all that
        // only they use. One later chunk, not one per page nor one per kind of user: each chunk costs its own gzip
        // dictionary and imports (two later chunks were 1.4 KB more than one, bench/liff.ts), and a module that the
        // first screen comes to import moves to the entry by itself.
        entryFileNames: 'assets/app-[hash].js',
        chunkFileNames: (chunk) => `assets/${chunk.name === 'later-pages' ? 'pages' : '[name]'}-[hash].js`,
        codeSplitting: {
          // The LIFF SDK (and its mock) in one chunk named liff-sdk: loaded on demand, and left out of the app's
          // 45 KB budget (issue 17), which bench/liff.ts measures by this name.
          groups: [{ name: 'liff-sdk', test: /node_modules[\\/]@line[\\/]/ }],
        },
      },
    },
  },
});
