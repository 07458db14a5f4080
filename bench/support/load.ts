// The load for bench/webhook: signed LINE webhook bodies (1–5 text events), closed-loop and fixed-rate runs.
import { Agent, request } from 'node:http';
import { signLineBody } from '../../bot/line/signature.ts';
import { groupSource, makeCallback, makeTextEvent } from '../../test/support/events.ts';

export interface Signed {
  raw: string;
  signature: string;
  events: number;
}

export interface Saturation {
  rps: number;
  p50: number;
  p99: number;
}

/** The channel access token ita-line and the fake LINE API share in the `commands` load. */
export const FAKE_TOKEN = 'bench-channel-access-token';

let eventNo = 0;
const source = groupSource(`C${'b'.repeat(32)}`, `U${'c'.repeat(32)}`);

/**
 * What the events say. `chatter` (the default, the load): a staff group talking among themselves, which
 * the bot records and never answers. `commands`: every event is `ช่วยเหลือ` in that group, so every one is
 * handled and replied to (the local fake LINE answers in the same process).
 */
export type Workload = 'chatter' | 'commands';

/** One request of `count` text events in a staff group. Every event id is new: no server can skip work. */
async function signedBody(secret: string, count: number, workload: Workload): Promise<Signed> {
  const events = Array.from({ length: count }, () => {
    eventNo += 1;
    const text = workload === 'commands' ? 'ช่วยเหลือ' : `ประชุมบ่ายนี้นะคะ ${eventNo}`;
    return makeTextEvent(text, { source });
  });
  const raw = JSON.stringify(makeCallback(...events));
  return { raw, signature: await signLineBody(raw, secret), events: count };
}

/** `n` bodies with 1, 2, 3, 4, 5, 1, … events (3 on average), signed before any timing starts. */
export function makeBodies(secret: string, n: number, workload: Workload = 'chatter'): Promise<Signed[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => signedBody(secret, 1 + (i % 5), workload)));
}

/**
 * Each run opens its own keep-alive pool and closes it at the end: a pool left idle between runs would meet
 * sockets the server closed after its keep-alive timeout (5 s).
 */
export function createClient(concurrency: number) {
  function post(agent: Agent, port: number, body: Signed): Promise<number> {
    return new Promise((done, fail) => {
      const started = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/webhook',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-line-signature': body.signature },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? done(performance.now() - started)
              : fail(new Error(`port ${port}: status ${res.statusCode}`)),
          );
        },
      );
      req.on('error', (error) => fail(new Error(`port ${port}: ${error.message}`)));
      req.end(body.raw);
    });
  }

  /** Closed loop: `concurrency` requests in flight until every body is answered. */
  async function saturate(port: number, bodies: readonly Signed[]): Promise<Saturation> {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let b = bodies[next++]; b !== undefined; b = bodies[next++]) {
          latencies.push(await post(agent, port, b));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return { rps: bodies.length / seconds, ...percentiles(latencies) };
  }

  /** Open loop: `rate` requests a second, latency measured from each send. */
  async function fixedRate(port: number, bodies: readonly Signed[], rate: number) {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const started = performance.now();
    for (const [i, b] of bodies.entries()) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(post(agent, port, b).then((ms) => void latencies.push(ms)));
    }
    await Promise.all(pending);
    agent.destroy();
    return percentiles(latencies);
  }

  return { saturate, fixedRate };
}

function percentiles(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}
