// Exactly once per (activity, agency, slot): overlapping runs, the same tick again, a run killed between slots
// or inside one, and a failed write — never a reminder twice, never one skipped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../../bot/deps.ts';
import { runReminders } from '../../../../../bot/features/plan/reminders.ts';
import { drainOutbox } from '../../../../../bot/line/outbox/index.ts';
import { type BatchResult, type Db, makeBatch } from '../../../../../db/db.ts';
import { bkk } from '../../../../core/reminders/helpers.ts';
import { checkAndClose } from '../../../../support/harness.ts';
import { type Fixture, ledger, outbox, startFixture } from './fixture.ts';

const TICK = bkk('2024-06-24 08:30');

/** What one tick at TICK must leave behind, whatever happened on the way. */
const SLOTS = 5; // 4 activity reminders and the digest
const MESSAGES = 5; // the municipality has two groups; the office's two reminders are one carousel push

let f: Fixture;
let expectedLedger: string[];
beforeEach(async () => {
  f = await startFixture();
  const clean = await startFixture();
  await runReminders(clean.h.deps, TICK);
  expectedLedger = normalize(await ledger(clean.db), clean);
  await clean.h.close();
});
afterEach(() => checkAndClose(f.h));

/** Ledger lines with the activities' random ids named, so two fixtures compare. */
function normalize(lines: readonly string[], fixture: Fixture): string[] {
  return lines.map((l) => l.replace(fixture.iit.id, 'IIT').replace(fixture.secretariat.id, 'SEC')).sort();
}

async function normalizedLedger(): Promise<string[]> {
  return normalize(await ledger(f.db), f);
}

/** Sends everything queued and checks each message reached each chat exactly once. */
async function expectDeliveredOnce(): Promise<void> {
  await drainOutbox(f.h.deps, bkk('2024-06-24 09:00'));
  const pushes = f.h.fake.pushes();
  expect(pushes).toHaveLength(MESSAGES);
  const perChat = pushes.map((p) => `${p.to.join()} ${JSON.stringify(p.messages)}`);
  expect(new Set(perChat).size).toBe(MESSAGES);
  expect(f.h.fake.duplicateDeliveries()).toBe(0);
}

type Crash = 'before-write' | 'after-write' | 'throw';

/**
 * The database as a run sees it when the process dies at its `n`-th batch: before the batch ran, after it ran
 * but before the run heard back (the promise never settles: the process is gone), or with a write error.
 */
function crashingDeps(deps: Deps, n: number, crash: Crash): { deps: Deps; reached: Promise<void> } {
  let calls = 0;
  let reach = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const db: Db = {
    kysely: deps.db.kysely,
    dialect: deps.db.dialect,
    close: () => deps.db.close(),
    batch: makeBatch(async (queries): Promise<BatchResult[]> => {
      calls += 1;
      const run = async (): Promise<BatchResult[]> =>
        (await deps.db.batch(queries)).map((r) => ({
          numAffectedRows: r.numAffectedRows,
          rows: r.rows.flatMap((row) => (typeof row === 'object' && row !== null ? [{ ...row }] : [])),
        }));
      if (calls !== n) return run();
      reach();
      if (crash === 'throw') throw new Error('SQLITE_IOERR: disk I/O error');
      if (crash === 'after-write') await run();
      return new Promise<never>(() => {});
    }),
  };
  return { deps: { ...deps, db }, reached };
}

describe('reminders exactly once', () => {
  it('reserves nothing more when the same tick runs again', async () => {
    expect(await runReminders(f.h.deps, TICK)).toBe(MESSAGES);
    expect(await runReminders(f.h.deps, TICK)).toBe(0);
    expect(await runReminders(f.h.deps, bkk('2024-06-24 14:00'))).toBe(0);
    expect(await normalizedLedger()).toEqual(expectedLedger);
    await expectDeliveredOnce();
  });

  it('queues each reminder once when two scheduler runs overlap', async () => {
    const [a, b] = await Promise.all([runReminders(f.h.deps, TICK), runReminders(f.h.deps, TICK)]);
    expect((a ?? 0) + (b ?? 0)).toBe(MESSAGES);
    expect(await normalizedLedger()).toEqual(expectedLedger);
    expect(await outbox(f.db)).toHaveLength(MESSAGES);
    await expectDeliveredOnce();
  });

  it('queues and sends each reminder once when two runs and a drain overlap', async () => {
    await Promise.all([
      runReminders(f.h.deps, TICK),
      runReminders(f.h.deps, TICK),
      drainOutbox(f.h.deps, TICK),
    ]);
    await runReminders(f.h.deps, TICK);
    expect(await normalizedLedger()).toEqual(expectedLedger);
    await expectDeliveredOnce();
  });

  it.each([
    ['before its write', 'before-write' as const],
    ['after its write', 'after-write' as const],
  ])(
    'sends every reminder once after a run killed at its third slot %s, then restarted',
    async (_when, crash) => {
      const dying = crashingDeps(f.h.deps, 3, crash);
      void runReminders(dying.deps, TICK);
      await dying.reached;
      // The office's two slots are one batch (one carousel push): the third batch is the third agency's.
      expect((await normalizedLedger()).length).toBe(crash === 'before-write' ? 3 : 4);
      await runReminders(f.h.deps, TICK);
      expect(await normalizedLedger()).toEqual(expectedLedger);
      expect(await outbox(f.db)).toHaveLength(MESSAGES);
      await expectDeliveredOnce();
    },
  );

  it('keeps going past a failed write, leaves nothing of it, and queues it at the next tick', async () => {
    const failing = crashingDeps(f.h.deps, 2, 'throw');
    expect(await runReminders(failing.deps, TICK)).toBeLessThan(MESSAGES);
    expect(f.h.logs.some((l) => l.level === 'error' && l.message === 'reminder not queued')).toBe(true);
    expect((await normalizedLedger()).length).toBe(SLOTS - 1);
    await runReminders(f.h.deps, bkk('2024-06-24 08:31'));
    expect(await normalizedLedger()).toEqual(expectedLedger);
    await expectDeliveredOnce();
  });
});
