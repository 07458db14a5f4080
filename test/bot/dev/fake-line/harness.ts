// An in-process fake LINE (no socket) with a settable clock, and request helpers for its tests.
import { createFakeLineApp } from '../../../../bot/dev/fake-line/app.ts';
import { FakeLineState } from '../../../../bot/dev/fake-line/state.ts';
import type { FakeLineOptions } from '../../../../bot/dev/fake-line/types.ts';

export const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';
export const OTHER_RETRY_KEY = '123e4567-e89b-12d3-a456-426614174001';

export function harness(options: FakeLineOptions = {}) {
  let clock = 1_750_000_000_000;
  const state = new FakeLineState({ now: () => clock, ...options });
  const app = createFakeLineApp(state);
  /** Strings and bytes are sent as they are; anything else as JSON. */
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw =
      typeof body === 'string'
        ? body
        : body instanceof Uint8Array
          ? new Blob([Uint8Array.from(body)])
          : JSON.stringify(body);
    return app.request(path, {
      method,
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: raw }),
    });
  };
  return {
    state,
    app,
    call,
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    advance: (ms: number) => {
      clock += ms;
    },
    nowSeconds: () => Math.floor(clock / 1000),
  };
}

export const PUSH = '/v2/bot/message/push';
export const REPLY = '/v2/bot/message/reply';
export const MULTICAST = '/v2/bot/message/multicast';
