// Benchmark: 10,000 outbox pushes through the fake LINE API at 2,000 req/s (in a child process), the drain
// killed at 5,000 and restarted, against a bare send loop with the same limiter and no database.
// Run: npx tsx bench/outbox.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LineClient } from '../bot/line/client.ts';
import { createLineClient } from '../bot/line/client.ts';
import type { SendLimiters } from '../bot/line/outbox/index.ts';
import { createRateLimiter, drainOutbox } from '../bot/line/outbox/index.ts';
import { countOutboxByState, enqueueMessages } from '../db/queries/outbox.ts';
import { openSqlite } from '../db/sqlite.ts';
import { startFakeLineProcess } from './support/fake-line-process.ts';

const PUSHES = 10_000;
const KILL_AT = 5_000;
/** LINE's push limit, which the fake enforces over an exact sliding second (PLATFORM-NOTES §1.6). */
const LINE_PER_SECOND = 2_000;
/** 1,950 + burst 1 + 16 in flight = 1,967 in any second at worst: under 2,000 (bot/line/outbox/rate-limiter.ts). */
const PACE = { perSecond: 1_950, burst: 1, maxInFlight: 16 };
const CONCURRENCY = 32;
const LEASE_MS = 30_000;

const userId = (n: number) => `U${n.toString(16).padStart(32, '0')}`;
const text = (n: number) => [{ type: 'text' as const, text: `แจ้งเตือนกิจกรรม ITA ฉบับที่ ${n}` }];
const limiters = (): SendLimiters => ({
  push: createRateLimiter(PACE),
  multicast: createRateLimiter({ perSecond: 190 }),
});

/** The floor for the drain: the same sends, the same limiter and concurrency, no database. */
async function bareLoop(line: LineClient): Promise<number> {
  const limiter = createRateLimiter(PACE);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < PUSHES; n = next++) {
      const release = await limiter.acquire();
      await line.push(userId(n + 1), text(n + 1), crypto.randomUUID()).catch(() => undefined);
      release?.();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - started;
}

const never = new Promise<never>(() => {});

/** A client that dies after `answers` answers, as a killed process: later answers are lost, later calls go nowhere. */
function dyingClient(line: LineClient, answers: number) {
  let answered = 0;
  let dead = false;
  let onDeath = () => {};
  const died = new Promise<void>((resolve) => {
    onDeath = resolve;
  });
  const push: LineClient['push'] = async (to, messages, key) => {
    if (dead) return never;
    const result = await line.push(to, messages, key);
    answered += 1;
    if (answered === answers) {
      dead = true;
      onDeath();
    }
    return dead && answered > answers ? never : result;
  };
  return { line: { ...line, push }, died };
}

/** Enqueues the pushes, drains with a kill at KILL_AT, restarts; returns the time from first to last send. */
async function drainRun(line: LineClient, dbPath: string) {
  const db = openSqlite(dbPath);
  const log = { info() {}, warn() {}, error: (m: string, d?: object) => console.error(m, d) };
  const rows = Array.from({ length: PUSHES }, (_, i) => ({
    kind: 'push' as const,
    to: userId(i + 1),
    messages: text(i + 1),
  }));
  await enqueueMessages(db, rows, new Date());
  const options = { concurrency: CONCURRENCY, leaseMs: LEASE_MS };
  const started = performance.now();
  const dying = dyingClient(line, KILL_AT);
  void drainOutbox({ db, line: dying.line, log }, new Date(), { ...options, limiters: limiters() });
  await dying.died;
  const stranded = (await countOutboxByState(db)).sending;
  // The restarted process starts with fresh limiters; its clock is past the dead drain's leases, as the
  // scheduler run after the lease would be (time skipped, not waited).
  const restart = limiters();
  let passes = 0;
  let duplicates = 0;
  for (let left = PUSHES; left > 0 && passes < 10; passes += 1) {
    const now = new Date(Date.now() + LEASE_MS + 1_000 + passes * 300_000);
    duplicates += (await drainOutbox({ db, line, log }, now, { ...options, limiters: restart })).duplicates;
    const counts = await countOutboxByState(db);
    left = counts.pending + counts.sending;
  }
  const elapsed = performance.now() - started;
  const counts = await countOutboxByState(db);
  await db.close();
  return { elapsed, stranded, duplicates, passes, counts };
}

async function main(): Promise<void> {
  const fake = await startFakeLineProcess({ rateLimits: { push: LINE_PER_SECOND } });
  const dir = mkdtempSync(join(tmpdir(), 'ita-outbox-bench-'));
  try {
    const line = createLineClient({
      channelAccessToken: 'test-token',
      apiBaseUrl: fake.url,
      dataApiBaseUrl: fake.url,
    });
    await line.push(userId(0), text(0), crypto.randomUUID()); // the fake compiles its schemas on the first call
    await fake.ask('reset');
    const baselineMs = await bareLoop(line);
    const base = await fake.ask('reset');
    const run = await drainRun(line, join(dir, 'outbox.sqlite'));
    const stats = await fake.ask('stats');
    const floor = PUSHES / LINE_PER_SECOND;
    const s = (ms: number) => (ms / 1_000).toFixed(2);
    console.log(
      `baseline: ${PUSHES} pushes in ${s(baselineMs)} s by a bare loop (same limiter, no db); 429s ${base.tooMany}; delivered ${base.delivered}`,
    );
    console.log(
      `outbox: ${PUSHES} pushes in ${s(run.elapsed)} s (floor ${floor.toFixed(2)} s, ratio ${(run.elapsed / 1_000 / floor).toFixed(2)}); ` +
        `duplicates ${stats.duplicates}; 429s ${stats.tooMany}; restarted at ${KILL_AT}`,
    );
    console.log(
      `outbox: killed with ${run.stranded} rows left 'sending'; the restart re-sent them (${run.duplicates} answered 409, already delivered) ` +
        `in ${run.passes} pass(es); delivered ${stats.delivered} keys; rows sent ${run.counts.sent}, failed ${run.counts.failed}; ` +
        `requests ${stats.requests}; contract violations ${stats.violations}`,
    );
    console.log(
      `outbox vs baseline: ${(run.elapsed / baselineMs).toFixed(2)}; pace floor ${s((PUSHES / PACE.perSecond) * 1_000)} s`,
    );
  } finally {
    fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
