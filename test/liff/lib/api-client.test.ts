// The /api client's runtime: URLs, params, queries and JSON bodies as the server's routes expect them.
import { describe, expect, it } from 'vitest';
import { createApiClient, urlOf } from '../../../liff/src/lib/api-client.ts';

describe('urlOf', () => {
  it.each([
    [
      ['agencies', ':id', 'scorecard'],
      { param: { id: 'pt-1' }, query: { year: 2562 } },
      '/api/agencies/pt-1/scorecard?year=2562',
    ],
    [['province'], { query: { year: undefined, q: 'ก ข' } }, '/api/province?q=%E0%B8%81+%E0%B8%82'],
    [['cases', ':id', 'identity'], { param: { id: 'a/b' } }, '/api/cases/a%2Fb/identity'],
    [['complaints', 'index'], {}, '/api/complaints'],
    [['x'], { query: { tag: ['a', 'b'] } }, '/api/x?tag=a&tag=b'],
  ])('builds %j', (segments, args, url) => {
    expect(urlOf('http://h/api/', segments, args)).toBe(`http://h${url}`);
  });
});

describe('createApiClient', () => {
  it('calls fetch with the method, the bearer and a JSON body', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response('{}');
    }) as typeof fetch;
    const api = createApiClient('http://h/api', { authorization: 'Bearer t' }, fetcher);
    await api.cases[':id'].actions.$post({ param: { id: 'c1' }, json: { action: 'take' } });
    await api.me.$get();
    expect(calls[0]).toEqual([
      'http://h/api/cases/c1/actions',
      {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"action":"take"}',
      },
    ]);
    expect(calls[1]).toEqual(['http://h/api/me', { method: 'GET', headers: { authorization: 'Bearer t' } }]);
  });
});
