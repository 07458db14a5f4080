// Path routing under /liff/ with the history API: patterns like 'agency/:id', LIFF's `liff.state` deep links.
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/liff/';

export type Params = Record<string, string>;

/** '/liff/agency/a1/' → 'agency/a1'; '/liff/' → ''. */
export function appPathOf(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/liff$/, '');
  return rest.replace(/^\/+|\/+$/g, '');
}

/**
 * A LIFF URL `https://liff.line.me/<id>/agency/a1` reaches the endpoint as `/liff/?liff.state=%2Fagency%2Fa1`
 * (https://developers.line.biz/en/docs/liff/opening-liff-app/#redirect-flow): the path to show is in the query.
 */
export function liffStatePath(search: string): string | undefined {
  const state = new URLSearchParams(search).get('liff.state');
  if (state === null) return undefined;
  const path = state.split(/[?#]/)[0] ?? '';
  return path.replace(/^\/+|\/+$/g, '').replace(/^liff\//, '');
}

/** Where a `liff.state` deep link goes, its query kept ('/agency/a1?year=2562' → 'agency/a1?year=2562'). */
export function liffStateTarget(search: string): string | undefined {
  const path = liffStatePath(search);
  if (path === undefined) return undefined;
  const query = /\?[^#]*/.exec(new URLSearchParams(search).get('liff.state') ?? '')?.[0] ?? '';
  return path + query;
}

/** The app path of this URL: the `liff.state` deep link first, else the path itself. */
export function currentPath(loc: { pathname: string; search: string }): string {
  return liffStatePath(loc.search) ?? appPathOf(loc.pathname);
}

/** Params when `path` matches `pattern` ('agency/:id' matches 'agency/a1' → { id: 'a1' }), else undefined. */
export function matchPath(pattern: string, path: string): Params | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return undefined;
  }
  return params;
}

/** The href for an app path, for <a> elements (so long-press and new tabs work too). */
export function hrefOf(path: string): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = hrefOf(path);
  if (options.replace === true) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const listener of listeners) listener();
  if (options.replace !== true) window.scrollTo(0, 0);
}

/** Turns clicks on same-app links into history navigation instead of page loads. */
export function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (anchor === null || anchor === undefined || anchor.target !== '' || anchor.hasAttribute('download'))
    return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(appPathOf(url.pathname) + url.search);
}

/** The current app path; re-renders on navigate() and the back button. */
export function usePath(): string {
  const [path, setPath] = useState(() => currentPath(location));
  useEffect(() => {
    const update = () => setPath(currentPath(location));
    listeners.add(update);
    addEventListener('popstate', update);
    // Sign-in starts before the first render and may have replaced the address (a liff.state deep link) already.
    update();
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}
