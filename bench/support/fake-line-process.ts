// The fake LINE API in a child process, for benchmarks: in the measured process its request validation would
// be billed to the code under test, and 2,000 req/s through it saturate a 2-core machine. The child is this
// file run with `--serve-fake-line <options JSON>`; it prints its URL, then per stdin line ('stats', or
// 'reset' after them) one line of what it got.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type FakeLineOptions, startFakeLine } from '../../bot/dev/fake-line/index.ts';

const SERVE = '--serve-fake-line';

export interface FakeStats {
  requests: number;
  tooMany: number;
  conflicts: number;
  delivered: number;
  duplicates: number;
  violations: number;
  replies: number;
  pushes: number;
}

/** Every request is kept (no `maxRecorded`): the stats must cover the whole run. */
async function serve(options: FakeLineOptions): Promise<void> {
  const fake = await startFakeLine(options);
  console.log(fake.url);
  for await (const command of createInterface({ input: process.stdin })) {
    const count = (status: number) => fake.requests.filter((r) => r.status === status).length;
    const stats: FakeStats = {
      requests: fake.requests.length,
      tooMany: count(429),
      conflicts: count(409),
      delivered: fake.deliveredRetryKeys().length,
      duplicates: fake.duplicateDeliveries(),
      violations: fake.violations().length,
      replies: fake.replies().length,
      pushes: fake.pushes().length,
    };
    console.log(JSON.stringify(stats));
    if (command === 'reset') fake.reset();
  }
  await fake.close();
}

/** Starts the fake in its own process; `ask` returns its stats (and resets it with 'reset'). */
export async function startFakeLineProcess(options: FakeLineOptions = {}) {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), SERVE, JSON.stringify(options)];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done === true || typeof value !== 'string') throw new Error('the fake LINE process ended');
    return value;
  };
  const url = await nextLine();
  const ask = async (command: 'stats' | 'reset'): Promise<FakeStats> => {
    child.stdin.write(`${command}\n`);
    return JSON.parse(await nextLine()) as FakeStats;
  };
  return { url, ask, stop: () => child.kill() };
}

const at = process.argv.indexOf(SERVE);
if (at !== -1) await serve(JSON.parse(process.argv[at + 1] ?? '{}') as FakeLineOptions);
