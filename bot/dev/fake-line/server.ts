// Starts the fake LINE API on a free loopback port; one server answers both the api and the api-data paths.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createFakeLineApp } from './app.ts';
import { FakeLineState } from './state.ts';
import type { FakeLineOptions } from './types.ts';

export interface FakeLineServerOptions extends FakeLineOptions {
  /** Default 0: a random free port. */
  port?: number;
}

export class FakeLine extends FakeLineState {
  /** `http://127.0.0.1:PORT`: use it for both LINE_API_BASE_URL and LINE_DATA_API_BASE_URL. */
  url = '';
  readonly app: Hono;
  #stop: (() => Promise<void>) | undefined;

  constructor(options: FakeLineOptions = {}) {
    super(options);
    this.app = createFakeLineApp(this);
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = serve({ fetch: this.app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
        this.url = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      server.once('error', reject);
      this.#stop = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
    });
  }

  /** Releases held responses, drops open connections and stops listening. */
  async close(): Promise<void> {
    this.closeState();
    const stop = this.#stop;
    this.#stop = undefined;
    if (stop !== undefined) await stop();
  }
}

export async function startFakeLine(options: FakeLineServerOptions = {}): Promise<FakeLine> {
  const fake = new FakeLine(options);
  await fake.listen(options.port ?? 0);
  return fake;
}
