// What /healthz and `ita status` report (issue 14 §5): database, outbox backlog, whether sending is paused and
// why, the scheduler's last run, the schema version and the complaint key check — counts and times only, never
// a name, a LINE id or a message.
import { sql } from 'kysely';
import type { Db } from '../../../db/db.ts';
import { MIGRATIONS_TABLE } from '../../../db/migrator.ts';
import { getSetting } from '../../../db/queries/app-settings.ts';
import { countOutboxByState } from '../../../db/queries/outbox.ts';
import { readOutboxPause } from '../../line/outbox/pause.ts';
import { SCHEDULER_LAST_RUN_SETTING } from '../../scheduler.ts';
import type { ComplaintCrypto } from '../complaints/crypto.ts';
import { complaintKeyStatus } from '../complaints/key-check.ts';

export interface AppStatus {
  status: 'ok' | 'degraded';
  database: 'ok' | 'error';
  schemaVersion: string | null;
  outbox: { pending: number; sending: number; failed: number; oldestPendingAt: string | null };
  sending: { paused: false } | { paused: true; reason: string; since: string };
  scheduler: { lastRunAt: string | null; finishedAt: string | null };
  complaintKey: 'ok' | 'wrong' | 'unset';
}

export async function readAppStatus(db: Db, crypto: ComplaintCrypto): Promise<AppStatus> {
  try {
    await sql`select 1`.execute(db.kysely);
  } catch {
    return {
      status: 'degraded',
      database: 'error',
      schemaVersion: null,
      outbox: { pending: 0, sending: 0, failed: 0, oldestPendingAt: null },
      sending: { paused: false },
      scheduler: { lastRunAt: null, finishedAt: null },
      complaintKey: 'unset',
    };
  }
  const migration = await sql<{
    name: string;
  }>`SELECT name FROM ${sql.table(MIGRATIONS_TABLE)} ORDER BY name DESC LIMIT 1`
    .execute(db.kysely)
    .then(
      (r) => r.rows[0]?.name ?? null,
      () => null,
    );
  const counts = await countOutboxByState(db);
  const oldest = await db.kysely
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('created_at').as('at'))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  const pause = await readOutboxPause(db);
  const lastRun = await getSetting(db, SCHEDULER_LAST_RUN_SETTING);
  const run = typeof lastRun === 'object' && lastRun !== null ? (lastRun as Record<string, unknown>) : {};
  const complaintKey = await complaintKeyStatus(db, crypto);
  return {
    status: complaintKey === 'wrong' ? 'degraded' : 'ok',
    database: 'ok',
    schemaVersion: migration === null ? null : migration.replace(/\.sql$/, ''),
    outbox: {
      pending: counts.pending,
      sending: counts.sending,
      failed: counts.failed,
      oldestPendingAt: typeof oldest?.at === 'string' ? oldest.at : null,
    },
    sending:
      pause === undefined ? { paused: false } : { paused: true, reason: pause.reason, since: pause.since },
    scheduler: {
      lastRunAt: typeof run.at === 'string' ? run.at : null,
      finishedAt: typeof run.finishedAt === 'string' ? run.finishedAt : null,
    },
    complaintKey,
  };
}
