// Each identity choice as stored: sealed name and phone, the sealed LINE link, the reporter hash — and a
// database file that holds none of them in clear; a wrong COMPLAINT_KEY fails loudly.

import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ComplaintKeyError,
  createComplaintCrypto,
  generateComplaintKey,
} from '../../../../bot/features/complaints/crypto.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { DEMO_OFFICERS_GROUP_ID } from '../../../../bot/tools/demo/line.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { NOW, readable } from '../../line/events/conversation.ts';
import { CITIZEN, type Citizen, fillUpToIdentity, startCitizen } from './citizen.ts';

const NAME = 'สมชาย ใจดี';
const PHONE = '0812345678';

let p: Citizen;
afterEach(() => checkAndClose(p.c.h));

async function fileNamed(p: Citizen, agency?: string): Promise<void> {
  await fillUpToIdentity(p, agency);
  await p.choose('ระบุชื่อ');
  await p.say(NAME);
  await p.say('081-234-5678');
  await p.choose('ยืนยันส่งเรื่อง');
}

/** Every text or blob cell of every table, as text, with where it was found. */
async function everyCell(p: Citizen): Promise<{ where: string; value: string }[]> {
  const { kysely } = p.c.h.deps.db;
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
    kysely,
  );
  const cells: { where: string; value: string }[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(kysely);
    for (const row of rows.rows)
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string') cells.push({ where: `${name}.${column}`, value });
        else if (value instanceof Uint8Array)
          cells.push({ where: `${name}.${column}`, value: Buffer.from(value).toString('utf8') });
      }
  }
  return cells;
}

describe('complaint identity at rest', () => {
  it('seals name and phone and the LINE link of a named complaint; the file holds none of them in clear', async () => {
    p = await startCitizen();
    await fileNamed(p);
    expect(readable(p.last)).toContain('เราจะแจ้งความคืบหน้าในแชตนี้');
    await drainOutbox(p.c.h.deps, NOW);
    const row = await p.c.h.deps.db.kysely.selectFrom('complaints').selectAll().executeTakeFirstOrThrow();
    const { complaintCrypto } = p.c.h.deps;
    expect(JSON.parse(await complaintCrypto.open(row.identity_cipher ?? ''))).toEqual({
      name: NAME,
      phone: PHONE,
    });
    expect(await complaintCrypto.open(row.notify_cipher ?? '')).toBe(CITIZEN);
    expect(row.reporter_hash).toBe(await complaintCrypto.reporterHash(CITIZEN));

    const secrets = [NAME, 'สมชาย', PHONE, '081-234-5678', '234-5678', CITIZEN];
    const hits = (await everyCell(p)).filter((cell) => secrets.some((s) => cell.value.includes(s)));
    // line_users knows who talked to the account, not which complaint is whose. Nothing else may hold any of
    // it: the webhook inbox erases a handled event's content and sender, keeping only its id.
    expect([...new Set(hits.map((h) => h.where))].filter((w) => !/^line_users\./.test(w))).toEqual([]);
    expect(hits.some((h) => h.where.startsWith('complaint'))).toBe(false);
    // The scan itself sees the user id where it is in clear (so an empty result above means something).
    expect(hits.some((h) => h.value.includes(CITIZEN))).toBe(true);
    expect(JSON.stringify(p.c.h.fake.messagesTo(DEMO_OFFICERS_GROUP_ID))).not.toContain('สมชาย');
  });

  it('keeps only the sealed LINE link and the reporter hash for anonymous-with-updates, and lists it as mine', async () => {
    p = await startCitizen();
    await fillUpToIdentity(p);
    await p.choose('ไม่ระบุชื่อ+แจ้งผล');
    const receipt = readable(await p.choose('ยืนยันส่งเรื่อง'));
    await fillUpToIdentity(p);
    await p.choose('รหัสติดตามเท่านั้น');
    const codeOnly = readable(await p.choose('ยืนยันส่งเรื่อง'));
    const rows = await p.c.h.deps.db.kysely
      .selectFrom('complaints')
      .selectAll()
      .orderBy('created_at')
      .execute();
    const anonymous = rows.find((r) => r.identity_mode === 'anonymous_updates');
    const hidden = rows.find((r) => r.identity_mode === 'code_only');
    expect(anonymous?.identity_cipher).toBeNull();
    expect(await p.c.h.deps.complaintCrypto.open(anonymous?.notify_cipher ?? '')).toBe(CITIZEN);
    expect(hidden).toMatchObject({ identity_cipher: null, notify_cipher: null, reporter_hash: null });
    expect(receipt).toContain(anonymous?.tracking_code ?? '?');
    expect(codeOnly).toContain(hidden?.tracking_code ?? '?');
    const mine = readable(await p.say('เรื่องของฉัน'));
    expect(mine).toContain(anonymous?.tracking_code ?? '?');
    expect(mine).not.toContain(hidden?.tracking_code ?? '?');
    expect(mine).toContain('ได้รับเรื่องแล้ว');
    expect(mine).toContain('ไม่แสดงที่นี่');
  });

  it('fails loudly when the identity is opened with another key', async () => {
    p = await startCitizen();
    await fileNamed(p);
    const row = await p.c.h.deps.db.kysely.selectFrom('complaints').selectAll().executeTakeFirstOrThrow();
    const wrong = createComplaintCrypto(generateComplaintKey());
    await expect(wrong.open(row.identity_cipher ?? '')).rejects.toBeInstanceOf(ComplaintKeyError);
    await expect(wrong.open(row.notify_cipher ?? '')).rejects.toBeInstanceOf(ComplaintKeyError);
  });

  it("announces to the agency's own officers group when it has one, the province's for the provincial office", async () => {
    p = await startCitizen();
    const own = `C${'9'.repeat(32)}`;
    await p.c.h.deps.db.kysely
      .insertInto('line_groups')
      .values({
        group_id: own,
        agency_id: 'rahaeng-sao',
        province_id: 'pathum-thani',
        kind: 'officers',
        joined_at: NOW.toISOString(),
        bound_at: NOW.toISOString(),
      })
      .execute();
    await fileNamed(p, 'ระแหง');
    await fillUpToIdentity(p, 'สนจ.ปทุมธานี');
    await p.choose('รหัสติดตามเท่านั้น');
    await p.choose('ยืนยันส่งเรื่อง');
    await drainOutbox(p.c.h.deps, NOW);
    const toOwn = JSON.stringify(p.c.h.fake.messagesTo(own));
    const toProvince = JSON.stringify(p.c.h.fake.messagesTo(DEMO_OFFICERS_GROUP_ID));
    expect(toOwn).toContain('องค์การบริหารส่วนตำบลระแหง');
    expect(toProvince).not.toContain('องค์การบริหารส่วนตำบลระแหง');
    expect(toProvince).toContain('จังหวัดปทุมธานี');
    expect(p.c.h.fake.messagesTo(own)).toHaveLength(1);
  });
});
