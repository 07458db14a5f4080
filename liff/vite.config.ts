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
        // The LIFF SDK (and its mock) in one chunk named liff-sdk: loaded on demand, and left out of the app's
        // 45 KB budget (issue 17), which bench/liff.ts measures by this name.
        // The pages after the first screen come in one chunk, not one per page nor one per kind of user: each
        // chunk costs its own gzip dictionary and imports (two chunks were 1.4 KB more than one, bench/liff.ts).
        // The overview and the score card are in the entry: they are the first screen most links open. What only
        // the later pages use (complaint rules, form drafts, file saving, sharing) goes with them, not the entry.
        codeSplitting: {
          groups: [
            { name: 'liff-sdk', test: /node_modules[\\/]@line[\\/]/, priority: 4 },
            // What every page needs stays with the shell, ahead of the groups below that would take it along.
            {
              name: 'app',
              test: /node_modules[\\/](?:preact|hono)[\\/]|src[\\/](?:lib[\\/](?!form-draft|save-file|share\.)|ui[\\/]|features[\\/]scores[\\/])|src[\\/](?:app|routes|main)\.tsx|[\\/]core[\\/](?!complaints[\\/])/,
              priority: 3,
            },
            {
              name: 'pages',
              test: /src[\\/]features[\\/](?!scores[\\/])|[\\/]core[\\/]complaints[\\/]|src[\\/]lib[\\/](?:form-draft|save-file|share)\.ts/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
