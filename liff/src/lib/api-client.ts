// A small runtime for the typed /api client: `api.agencies[':id'].scorecard.$get({ param, query })` builds the
// URL, query and JSON body and calls fetch, as hono/client's `hc` does for the calls this app makes (param,
// query, json, headers). The types stay hono/client's (from the server's ApiType); its runtime — ~3 KB gzipped
// with cookie and form helpers this app never uses — is left out of the bundle.
import type { hc } from 'hono/client';
import type { ApiType } from '../../../bot/api.ts';

export type Api = ReturnType<typeof hc<ApiType>>;

interface CallArgs {
  param?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined | readonly (string | number)[]>;
  json?: unknown;
}

const METHODS: Record<string, string> = {
  $get: 'GET',
  $post: 'POST',
  $put: 'PUT',
  $patch: 'PATCH',
  $delete: 'DELETE',
};

/** The URL of a call: path segments, `:name` filled from `param`, `index` as the folder itself, the query. */
export function urlOf(base: string, segments: readonly string[], args: CallArgs = {}): string {
  const path = segments
    .filter((s) => s !== 'index')
    .map((s) => (s.startsWith(':') ? encodeURIComponent(String(args.param?.[s.slice(1)] ?? '')) : s))
    .join('/');
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(args.query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, String(one));
  }
  const search = query.toString();
  return `${base.replace(/\/+$/, '')}/${path}${search === '' ? '' : `?${search}`}`;
}

export function createApiClient(base: string, headers: Record<string, string>, fetcher: typeof fetch): Api {
  const at = (segments: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? at([...segments, key]) : undefined),
      apply: (_, __, [args]: [CallArgs?]) => {
        const method = METHODS[segments[segments.length - 1] ?? ''] ?? 'GET';
        const body = args?.json === undefined ? undefined : JSON.stringify(args.json);
        return fetcher(urlOf(base, segments.slice(0, -1), args), {
          method,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined || method === 'GET' ? {} : { body }),
        });
      },
    });
  // The proxy answers every property path the server's routes have; the type says which ones those are.
  return at([]) as Api;
}
