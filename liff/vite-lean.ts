// Vite plugin: drops the module-preload helper Vite wraps around every dynamic import() of the build. With
// modulePreload off and one stylesheet (vite.config.ts), each wrapper is handed no files to preload, and the helper
// (~1.7 KB, 0.66 KB gzipped) only defers the import by a tick and re-throws its failure after a `vite:preloadError`
// event nothing listens to; lazyPage (src/ui/lazy-page.tsx) answers a failed page load itself.
import type { Plugin } from 'vite';

/** Vite's id of the helper (vite/src/node/plugins/importAnalysisBuild.ts). */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

export function noPreloadHelper(): Plugin {
  return {
    name: 'ita-no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
    load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

/**
 * JSX as `h(type, props, ...children)` calls rather than `jsx(type, { ...props, children: [...] })`: the same
 * Preact elements (createElement takes key and ref out of the props as the jsx runtime does), without a children
 * array and its key in every element, and without preact/jsx-runtime in the bundle (0.69 KB gzipped in all).
 * After @preact/preset-vite, whose own setting is the automatic runtime.
 */
export function classicJsx(): Plugin {
  return {
    name: 'ita-classic-jsx',
    apply: 'build',
    enforce: 'post',
    config: () => ({
      oxc: {
        // Names no source file declares, so no local variable (`.map((h) => …)`) can shadow them.
        jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' },
        jsxInject: `import { h as jsxH, Fragment as JsxFragment } from 'preact'`,
      },
    }),
  };
}
