// Benchmark: signed webhook requests (1–5 text events each) on loopback against the Node server with a file
// database, and against a baseline (Express + the SDK's middleware, verify and acknowledge only), in one run.
// Run: npx tsx bench/webhook.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signLineBody } from '../bot/line/signature.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'local-channel-secret'; // local mode's secret (bot/config.ts LOCAL_LINE)
const CONCURRENCY = 32;
const SATURATION_REQUESTS = 6_000;
const FIXED_RATE = 500;
const FIXED_SECONDS = 8;

interface Server {
  port: number;
  child: ChildProcess;
}

function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<Server> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (b: Buffer) => {
      output += b.toString();
      if (ready.test(output)) done({ port: Number(env.PORT), child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.once('exit', (code) => fail(new Error(`${command} exited ${code}: ${output}`)));
  });
}

let eventNo = 0;
/** 1–5 text events in a staff group: the bot records and handles them (group chatter gets no answer). */
async function body(): Promise<{ raw: string; signature: string }> {
  const count = 1 + (eventNo % 5);
  const events = Array.from({ length: count }, () => {
    eventNo += 1;
    return {
      type: 'message',
      mode: 'active',
      timestamp: Date.now(),
      webhookEventId: `01BENCH${String(eventNo).padStart(19, '0')}`,
      deliveryContext: { isRedelivery: false },
      source: { type: 'group', groupId: `C${'b'.repeat(32)}`, userId: `U${'c'.repeat(32)}` },
      replyToken: `rt${eventNo}`,
      message: { type: 'text', id: String(eventNo), quoteToken: 'q', text: `ประชุมบ่ายนี้นะคะ ${eventNo}` },
    };
  });
  const raw = JSON.stringify({ destination: `U${'f'.repeat(32)}`, events });
  return { raw, signature: await signLineBody(raw, SECRET) };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(port: number, raw: string, signature: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/webhook',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-line-signature': signature },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? done(performance.now() - started)
            : fail(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on('error', fail);
    req.end(raw);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Closed loop: CONCURRENCY requests in flight until SATURATION_REQUESTS are answered. */
async function saturate(port: number): Promise<{ rps: number; p50: number; p99: number }> {
  const bodies = await Promise.all(Array.from({ length: SATURATION_REQUESTS }, body));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++];
        if (b !== undefined) latencies.push(await post(port, b.raw, b.signature));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: SATURATION_REQUESTS / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** Open loop: FIXED_RATE requests a second for FIXED_SECONDS, latency measured from each send. */
async function fixedRate(port: number): Promise<{ p50: number; p99: number; sent: number }> {
  const total = FIXED_RATE * FIXED_SECONDS;
  const bodies = await Promise.all(Array.from({ length: total }, body));
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / FIXED_RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const b = bodies[i];
    if (b !== undefined) pending.push(post(port, b.raw, b.signature).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), sent: total };
}

async function measure(name: string, server: Server) {
  await saturate(server.port); // warm-up: JIT, connection pool, SQLite pages
  const sat = await saturate(server.port);
  const fixed = await fixedRate(server.port);
  console.log(
    `${name}: ${sat.rps.toFixed(0)} req/s at ${CONCURRENCY} in flight (p50 ${sat.p50.toFixed(1)} ms, p99 ${sat.p99.toFixed(1)} ms); ` +
      `${FIXED_RATE} req/s for ${FIXED_SECONDS} s: p50 ${fixed.p50.toFixed(1)} ms, p99 ${fixed.p99.toFixed(1)} ms`,
  );
  return { sat, fixed };
}

const dir = mkdtempSync(join(tmpdir(), 'ita-bench-'));
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const ours = await start(
  tsx,
  ['bot/node.ts'],
  { PORT: '18787', DATABASE_PATH: join(dir, 'ita.sqlite') },
  /"listening"/,
);
const base = await start(
  'node',
  ['bench/support/baseline-server.cjs'],
  { PORT: '18788', LINE_CHANNEL_SECRET: SECRET },
  /listening/,
);
try {
  const a = await measure('ita-line (verify, dedupe, persist, handle after response)', ours);
  const b = await measure('baseline (express + @line/bot-sdk middleware, verify only)', base);
  console.log(
    `ratio: throughput ${(a.sat.rps / b.sat.rps).toFixed(2)}x of baseline; ` +
      `p99 at ${FIXED_RATE} req/s ${a.fixed.p99.toFixed(1)} ms (target < 50 ms)`,
  );
} finally {
  ours.child.kill('SIGTERM');
  base.child.kill('SIGTERM');
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
