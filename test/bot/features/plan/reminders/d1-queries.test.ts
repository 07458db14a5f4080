// The scheduler on D1 (miniflare): a reminder-queueing tick for a 1,000-agency province stays within 50 D1
// queries, counted statement by statement, and queues each reminder once.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../../../bot/deps.ts';
import { type FakeLine, startFakeLine } from '../../../../../bot/dev/fake-line/index.ts';
import { createComplaintCrypto } from '../../../../../bot/features/complaints/crypto.ts';
import { HOME_PROVINCE_SETTING } from '../../../../../bot/line/chat/who.ts';
import { createLineClient } from '../../../../../bot/line/client.ts';
import { runScheduler } from '../../../../../bot/scheduler.ts';
import { frameworkFor } from '../../../../../core/index.ts';
import { applyMigrationsD1, openD1 } from '../../../../../db/d1.ts';
import type { Db } from '../../../../../db/db.ts';
import { jsonInsert } from '../../../../../db/json.ts';
import { readMigrationFiles } from '../../../../../db/migration-files.ts';
import { upsertAgencies } from '../../../../../db/queries/agencies.ts';
import { setSetting } from '../../../../../db/queries/app-settings.ts';
import { upsertFiscalYear } from '../../../../../db/queries/fiscal-years.ts';
import { upsertLineUser } from '../../../../../db/queries/line-users.ts';
import { createActivities } from '../../../../../db/queries/plan-activities.ts';
import { upsertProvince } from '../../../../../db/queries/provinces.ts';
import { grantRole } from '../../../../../db/queries/user-roles.ts';
import { bkk } from '../../../../core/reminders/helpers.ts';
import { countingD1 } from '../../../../support/counting-d1.ts';
import { COMPLAINT_KEY } from '../../../../support/harness.ts';

const AGENCIES = 1000;
const PROVINCE = 'big';
const COORDINATOR = `U${'c'.repeat(31)}1`;
const SETUP = bkk('2024-06-01 09:00');
/** A Monday in working hours, 7 days before the activity's due date: every agency's d-7 slot is due. */
const TICK = bkk('2024-06-24 08:30');
const MAX_QUERIES = 50;
const TOKEN = 'd1-queries-token';

let miniflare: Miniflare;
let raw: D1Database;
let fake: FakeLine;

async function seed(db: Db): Promise<void> {
  await upsertProvince(db, { id: PROVINCE, nameTh: 'ทดสอบใหญ่' }, SETUP);
  await setSetting(db, HOME_PROVINCE_SETTING, PROVINCE, 'test', SETUP);
  const ids = Array.from({ length: AGENCIES }, (_, i) => `big-${i + 1}`);
  await upsertAgencies(
    db,
    ids.map((id, i) => ({
      id,
      provinceId: PROVINCE,
      nameTh: `องค์การบริหารส่วนตำบลทดสอบที่ ${i + 1} อำเภอเมืองทดสอบใหญ่`,
      type: 'sao' as const,
    })),
    SETUP,
  );
  await db.batch(
    jsonInsert(
      db,
      'line_groups',
      ids.map((id, i) => ({
        group_id: `C${(i + 1).toString(16).padStart(32, '0')}`,
        agency_id: id,
        province_id: PROVINCE,
        kind: 'staff',
        joined_at: SETUP.toISOString(),
        bound_at: SETUP.toISOString(),
      })),
    ),
  );
  await upsertFiscalYear(
    db,
    { provinceId: PROVINCE, year: 2567, frameworkId: frameworkFor(2567)?.id ?? '' },
    SETUP,
  );
  await grantRole(
    db,
    { userId: COORDINATOR, role: 'coordinator', provinceId: PROVINCE, grantedBy: null },
    SETUP,
  );
  await upsertLineUser(db, { userId: COORDINATOR, displayName: 'ผู้ประสานงาน' }, SETUP);
  await createActivities(
    db,
    [
      {
        provinceId: PROVINCE,
        year: 2567,
        key: 'oit',
        seq: 1,
        titleTh: 'เผยแพร่ข้อมูล OIT',
        startsOn: '2024-06-01',
        dueOn: '2024-07-01',
        responsible: 'all',
      },
    ],
    SETUP,
  );
}

function depsOn(db: Db): Deps {
  return {
    db,
    // The stand-in LINE API answers what the tick asks (groups' member counts, the quota), so the writes those
    // answers cause are counted too. Nothing is sent: the drain's budget is 0, the tick's own queries are counted.
    line: createLineClient({
      channelAccessToken: TOKEN,
      apiBaseUrl: fake.url,
      dataApiBaseUrl: fake.url,
    }),
    channelSecret: 's',
    now: () => TICK,
    log: { info() {}, warn() {}, error() {} },
    version: 'test',
    accountName: 'ITA จังหวัดทดสอบใหญ่',
    localMode: false,
    publicBaseUrl: 'https://ita.example.go.th',
    complaintCrypto: createComplaintCrypto(COMPLAINT_KEY),
    liff: {},
    drain: { maxMessages: 0 },
  };
}

beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: TOKEN });
  miniflare = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    d1Databases: ['DB'],
  });
  raw = (await miniflare.getD1Database('DB')) as unknown as D1Database;
  await applyMigrationsD1(raw, readMigrationFiles());
  await seed(openD1(raw));
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  await fake?.close();
});

describe('a reminder-queueing tick on D1', () => {
  it(`queues ${AGENCIES} agencies' reminders within ${MAX_QUERIES} D1 queries, and none again`, async () => {
    const counting = countingD1(raw);
    const deps = depsOn(openD1(counting.d1));
    const report = await runScheduler(deps, TICK);
    expect(report.remindersQueued).toBe(AGENCIES); // one per agency group; the digest has nothing overdue to say
    expect(report.sent).toBe(0);
    const first = { ...counting.counts };
    expect(first.statements).toBeLessThanOrEqual(MAX_QUERIES);
    const db = openD1(raw);
    const ledger = await db.kysely
      .selectFrom('reminder_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'activity')
      .executeTakeFirstOrThrow();
    expect(Number(ledger.n)).toBe(AGENCIES);
    const pending = await db.kysely
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(AGENCIES);

    counting.reset();
    const again = await runScheduler(deps, new Date(TICK.getTime() + 60_000));
    expect(again.remindersQueued).toBe(0);
    expect(counting.counts.statements).toBeLessThanOrEqual(MAX_QUERIES);
    const figures = (c: typeof first) => `${c.statements} statements in ${c.calls} calls`;
    console.log(`D1, 1,000-agency tick: ${figures(first)}; the same tick again: ${figures(counting.counts)}`);
  }, 120_000);
});
