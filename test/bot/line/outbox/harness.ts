// Outbox test harness: a fresh in-memory database and a fake LINE API on loopback per test, row factories,
// and a LINE client that "crashes" (stops answering) after n answers, as a killed process would.
import { afterEach } from 'vitest';
import type { Logger } from '../../../../bot/deps.ts';
import type { FakeLine, FakeLineServerOptions } from '../../../../bot/dev/fake-line/index.ts';
import { startFakeLine } from '../../../../bot/dev/fake-line/index.ts';
import type { LineClient } from '../../../../bot/line/client.ts';
import { createLineClient } from '../../../../bot/line/client.ts';
import type { DrainDeps } from '../../../../bot/line/outbox/index.ts';
import type { Db } from '../../../../db/db.ts';
import type { OutboxMessage } from '../../../../db/queries/outbox.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

export const NOW = new Date('2026-11-23T09:00:00.000Z');
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function later(ms: number, from: Date = NOW): Date {
  return new Date(from.getTime() + ms);
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data: Record<string, unknown> | undefined;
}

export interface Setup extends DrainDeps {
  fake: FakeLine;
  logs: LogEntry[];
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

function collectingLogger(logs: LogEntry[]): Logger {
  const at = (level: LogEntry['level']) => (message: string, data?: Record<string, unknown>) => {
    logs.push({ level, message, data });
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** A migrated in-memory database, the fake on a free port, and a client pointed at it. */
export async function setup(
  options: { fake?: FakeLineServerOptions; timeoutMs?: number } = {},
): Promise<Setup> {
  const db: Db = openSqlite(':memory:');
  const fake = await startFakeLine(options.fake);
  cleanups.push(
    () => fake.close(),
    () => db.close(),
  );
  const line = createLineClient({
    channelAccessToken: 'test-token',
    apiBaseUrl: fake.url,
    dataApiBaseUrl: fake.url,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  const logs: LogEntry[] = [];
  return { db, fake, line, log: collectingLogger(logs), logs };
}

/** A LINE user ID the fake accepts (U + 32 hex). */
export function userId(n: number): string {
  return `U${n.toString(16).padStart(32, '0')}`;
}

/** `count` pushes to different users with different texts: the fake counts equal bodies as duplicates. */
export function pushes(count: number, from = 0): OutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'push' as const,
    to: userId(from + i + 1),
    messages: [{ type: 'text', text: `แจ้งเตือนกิจกรรม ITA ฉบับที่ ${from + i + 1}` }],
    sourceKind: 'reminder',
  }));
}

/** The stored row, as the drain left it. */
export function rowOf(db: Db, id: number) {
  return db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function allRows(db: Db) {
  return db.kysely.selectFrom('outbox').selectAll().orderBy('id').execute();
}

const never = new Promise<never>(() => {});

/**
 * A client that works for `answers` answers, then acts like a process that died: the next push still
 * reaches LINE but its answer is lost, every answer still on its way is lost, and later calls go nowhere.
 * The drain using it never finishes; its rows stay 'sending' until their lease runs out.
 */
export function crashingClient(
  line: LineClient,
  answers: number,
): { line: LineClient; crashed: Promise<void> } {
  let answered = 0;
  let dead = false;
  let onCrash = () => {};
  const crashed = new Promise<void>((resolve) => {
    onCrash = resolve;
  });
  const survive = async <T>(call: () => Promise<T>): Promise<T> => {
    if (dead) return never;
    if (answered >= answers) {
      dead = true;
      onCrash();
      void call().catch(() => {});
      return never;
    }
    const result = await call();
    if (dead) return never;
    answered += 1;
    return result;
  };
  return {
    crashed,
    line: {
      ...line,
      push: (to, messages, key) => survive(() => line.push(to, messages, key)),
      multicast: (to, messages, key) => survive(() => line.multicast(to, messages, key)),
    },
  };
}
