// Benchmark: signed webhook requests (1–5 text events each) on loopback against the Node server with a file
// database, a baseline (Express + the SDK's middleware, verify and acknowledge only) and our acknowledgement
// alone (no inbox), in one run: rounds in rotating order, so that a busy machine weighs on all of them alike.
// Run: npx tsx bench/webhook.ts. WORKLOAD=commands makes every event one the bot handles and answers, through
// the fake LINE API in its own process; each round then also waits until ita-line has handled every event.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { countInboxByState } from '../db/queries/webhook-inbox.ts';
import { openSqlite } from '../db/sqlite.ts';
import { startFakeLineProcess } from './support/fake-line-process.ts';
import { createClient, FAKE_TOKEN, makeBodies, type Saturation, type Workload } from './support/load.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'local-channel-secret'; // local mode's secret (bot/config.ts LOCAL_LINE)
const CONCURRENCY = 32;
const WARM_UP_REQUESTS = 3_000;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REQUESTS = Number(process.env.REQUESTS ?? 6_000);
const FIXED_RATE = 500;
const FIXED_SECONDS = 8;
const WORKLOAD: Workload = process.env.WORKLOAD === 'commands' ? 'commands' : 'chatter';

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
  rounds: (Saturation & { cpuUs: number; handled?: Handled })[];
  events: number;
}

/**
 * CPU seconds a server process has used, all its threads (the thread pool, SQLite's checkpointer) included:
 * on a shared machine throughput swings with the neighbours, CPU a request much less. Linux only (else NaN).
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

function start(name: string, command: string, args: string[], env: Record<string, string>): Promise<Server> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => {
      output += b.toString();
      if (/listening/.test(output)) done({ name, port: Number(env.PORT), child, rounds: [], events: 0 });
    });
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.once('exit', (code, signal) => {
      const error = new Error(`${name} exited (${code ?? signal}): ${output.slice(-2000)}`);
      if (!/listening/.test(output)) fail(error);
      else if (!stopping) console.error(error.message); // a crash mid-run: say so, with its output
    });
  });
}

interface Handled {
  seconds: number;
  eventsPerSecond: number;
  cpuUsPerEvent: number;
}

/**
 * From a round's start until ita-line's inbox holds nothing in processing (read from the bench's own
 * read-only connection): the handling goes on after the 200s. Gives up after `limitMs`.
 */
async function waitHandled(pid: number | undefined, started: number, cpu: number, events: number) {
  const inbox = new Database(databasePath, { readonly: true });
  const busy = inbox.prepare("SELECT count(*) AS n FROM webhook_inbox WHERE state = 'processing'").pluck();
  const limitMs = 120_000;
  while ((busy.get() as number) > 0 && performance.now() - started < limitMs) {
    await new Promise((r) => setTimeout(r, 10));
  }
  inbox.close();
  const seconds = (performance.now() - started) / 1000;
  const cpuUsPerEvent = ((cpuSeconds(pid) - cpu) * 1e6) / events;
  return { seconds, eventsPerSecond: events / seconds, cpuUsPerEvent };
}

/** Set once the run is over: servers exiting after this were stopped, not crashed. */
let stopping = false;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'ita-bench-'));
const databasePath = join(dir, 'ita.sqlite');
// `node --import tsx`, not the tsx CLI: the server is then this child itself, whose CPU time can be read.
const tsx = ['--import', 'tsx'];
const env = { LINE_CHANNEL_SECRET: SECRET };
const fakeLine =
  WORKLOAD === 'commands' ? await startFakeLineProcess({ channelAccessToken: FAKE_TOKEN }) : undefined;
// Chatter: local mode (its fake LINE is never called). Commands: configured as for the real LINE, at the fake.
const lineEnv: Record<string, string> =
  fakeLine === undefined
    ? {}
    : {
        ...env,
        LINE_CHANNEL_ACCESS_TOKEN: FAKE_TOKEN,
        LINE_API_BASE_URL: fakeLine.url,
        COMPLAINT_KEY: randomBytes(32).toString('base64'),
        PUBLIC_BASE_URL: 'https://ita.bench.invalid',
      };
const ours = await start('ita-line', 'node', [...tsx, 'bot/node.ts'], {
  PORT: '18787',
  DATABASE_PATH: databasePath,
  ...lineEnv,
});
const servers = [
  ours,
  await start('baseline', 'node', ['bench/support/baseline-server.cjs'], { ...env, PORT: '18788' }),
  await start('ack only', 'node', [...tsx, 'bench/support/ack-server.ts'], { ...env, PORT: '18789' }),
];
const client = createClient(CONCURRENCY);
try {
  for (const server of servers) {
    const warmUp = await makeBodies(SECRET, WARM_UP_REQUESTS, WORKLOAD); // JIT, connection pool, SQLite pages
    await client.saturate(server.port, warmUp);
    server.events += warmUp.reduce((n, b) => n + b.events, 0);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i] of servers.entries()) {
      const server = servers[(i + round) % servers.length];
      if (server === undefined) continue;
      const bodies = await makeBodies(SECRET, REQUESTS, WORKLOAD);
      const events = bodies.reduce((n, b) => n + b.events, 0);
      const cpu = cpuSeconds(server.child.pid);
      const started = performance.now();
      const result = await client.saturate(server.port, bodies);
      const cpuUs = ((cpuSeconds(server.child.pid) - cpu) * 1e6) / REQUESTS;
      const handled =
        server === ours && fakeLine !== undefined
          ? await waitHandled(server.child.pid, started, cpu, events)
          : undefined;
      server.rounds.push({ ...result, cpuUs, handled });
      server.events += events;
    }
  }
  const fixed = await makeBodies(SECRET, FIXED_RATE * FIXED_SECONDS, WORKLOAD);
  const latency = await client.fixedRate(ours.port, fixed, FIXED_RATE);
  ours.events += fixed.reduce((n, b) => n + b.events, 0);

  console.log(
    `${ROUNDS} rounds of ${REQUESTS} requests at ${CONCURRENCY} in flight, 1–5 group ${WORKLOAD} events each:`,
  );
  for (const s of servers) {
    const rps = s.rounds.map((r) => r.rps);
    const cpu = median(s.rounds.map((r) => r.cpuUs));
    const p = s.rounds.map((r) => `p50 ${ms(r.p50)} p99 ${ms(r.p99)}`).join('; ');
    console.log(
      `  ${s.name.padEnd(9)} median ${median(rps).toFixed(0)} req/s ` +
        `(rounds ${rps.map((r) => r.toFixed(0)).join(', ')}), ${cpu.toFixed(0)} µs CPU a request; ${p}`,
    );
  }
  const [oursRounds, baseRounds, ackRounds] = servers.map((s) => s.rounds.map((r) => r.rps));
  const ratios = (a = [] as number[], b = [] as number[]) => a.map((x, i) => x / (b[i] ?? Number.NaN));
  const show = (r: number[]) => `${median(r).toFixed(2)}x (rounds ${r.map((x) => x.toFixed(2)).join(', ')})`;
  console.log(`throughput ita-line / baseline: ${show(ratios(oursRounds, baseRounds))}`);
  console.log(`throughput ack only / baseline: ${show(ratios(ackRounds, baseRounds))}`);
  const [oursCpu, baseCpu] = servers.map((s) => median(s.rounds.map((r) => r.cpuUs)));
  console.log(`CPU a request, baseline / ita-line: ${((baseCpu ?? 0) / (oursCpu ?? 0)).toFixed(2)}x`);
  console.log(
    `ita-line at ${FIXED_RATE} req/s for ${FIXED_SECONDS} s: p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)} ` +
      '(target < 50 ms)',
  );
  const handled = ours.rounds.flatMap((r) => (r.handled === undefined ? [] : [r.handled]));
  if (handled.length > 0) {
    const each = handled.map((r) => `${r.seconds.toFixed(1)} s`).join(', ');
    console.log(
      `ita-line handled every event of a round in ${each}: median ` +
        `${median(handled.map((r) => r.eventsPerSecond)).toFixed(0)} events/s, ` +
        `${median(handled.map((r) => r.cpuUsPerEvent)).toFixed(0)} µs CPU an event`,
    );
  }
} finally {
  stopping = true;
  const stopped = new Promise((done) => ours.child.once('exit', done));
  for (const s of servers) s.child.kill('SIGTERM');
  await stopped; // a clean shutdown lets the handling after the response finish
  if (fakeLine !== undefined) {
    console.log(`fake LINE got: ${JSON.stringify(await fakeLine.ask('stats'))}`);
    fakeLine.stop();
  }
}
// The work was done, not just acknowledged: every event sent to ita-line is in its inbox, handled.
const db = openSqlite(databasePath);
const counts = await countInboxByState(db);
await db.close();
console.log(`ita-line inbox after the run: ${JSON.stringify(counts)}; events sent: ${ours.events}`);
rmSync(dir, { recursive: true, force: true });
