// `ติดตาม <code>` and `track <code>`: status and public history only, codes typed loosely, wrong codes limited,
// and the coordinator's own `ติดตาม` left as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_ID } from '../../../../bot/tools/demo/line.ts';
import { updateComplaintStatus } from '../../../../db/queries/complaint-events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { NOW, readable } from '../../line/events/conversation.ts';
import { type Citizen, DESCRIPTION, fillUpToIdentity, startCitizen } from './citizen.ts';

let p: Citizen;
afterEach(() => checkAndClose(p.c.h));

async function fileOne(p: Citizen): Promise<{ id: string; code: string }> {
  await fillUpToIdentity(p);
  await p.choose('ระบุชื่อ');
  await p.say('สมชาย ใจดี');
  await p.say('0812345678');
  await p.choose('ยืนยันส่งเรื่อง');
  const row = await p.c.h.deps.db.kysely
    .selectFrom('complaints')
    .select(['id', 'tracking_code'])
    .executeTakeFirstOrThrow();
  return { id: row.id, code: row.tracking_code };
}

const OTHER = `U${'7'.repeat(32)}`;

describe('tracking a complaint by its code', () => {
  it('lists the citizen’s own complaints with a track button each, for เรื่องของฉัน and a bare ติดตาม', async () => {
    p = await startCitizen();
    const { code } = await fileOne(p);
    for (const typed of ['เรื่องของฉัน', 'ติดตาม']) {
      const answer = await p.say(typed);
      const shown = readable(answer);
      expect(shown).toContain('เรื่องร้องเรียนของท่าน 1 เรื่อง');
      expect(shown).toContain(`พิมพ์ "ติดตาม ${code}"`);
      expect(shown).not.toContain('K7QMX');
      expect(answer.some((m) => m.type === 'flex')).toBe(true);
    }
    expect(readable(await p.choose('ติดตามเรื่องนี้'))).toContain(`เรื่องรหัส ${code}`);
  });

  it('shows status and the public history to anyone holding the code, never the identity or text', async () => {
    p = await startCitizen();
    const { id, code } = await fileOne(p);
    const at = new Date(NOW.getTime() + 60_000);
    await updateComplaintStatus(
      p.c.h.deps.db,
      { complaintId: id, status: 'acknowledged', actor: 'U-officer', from: ['received'] },
      at,
    );
    await updateComplaintStatus(
      p.c.h.deps.db,
      { complaintId: id, status: 'acknowledged', actor: 'U-officer', note: 'บันทึกภายใน', isPublic: false },
      at,
    );
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const shown = readable(await p.say(`ติดตาม ${typed}`, { user: OTHER }));
    expect(shown).toContain(`เรื่องรหัส ${code}`);
    expect(shown).toContain('สถานะ: หน่วยงานรับทราบเรื่องแล้ว');
    expect(shown).toContain('10 มิ.ย. 2569 10:00 น. ได้รับเรื่องแล้ว');
    expect(shown).toContain('10 มิ.ย. 2569 10:01 น. หน่วยงานรับทราบเรื่องแล้ว');
    expect(shown).not.toContain('บันทึกภายใน');
    for (const secret of ['สมชาย', '081', DESCRIPTION.slice(0, 15)]) expect(shown).not.toContain(secret);
    expect(readable(await p.say(`track ${code}`))).toContain(`เรื่องรหัส ${code}`);
    expect(readable(await p.say(`ติดตามเรื่อง ${code}`))).toContain('สถานะ:');
  });

  it('limits wrong codes per user to ten an hour, and does not count malformed ones', async () => {
    p = await startCitizen();
    const { code } = await fileOne(p);
    for (let i = 0; i < 3; i += 1)
      expect(readable(await p.say('ติดตาม 23456', { user: OTHER }))).toContain('รหัสติดตามมี 15 ตัว');
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
    for (let i = 0; i < 10; i += 1)
      expect(readable(await p.say(`ติดตาม ${wrong}`, { user: OTHER }))).toContain('ไม่พบเรื่องที่ใช้รหัสนี้');
    expect(readable(await p.say(`ติดตาม ${code}`, { user: OTHER }))).toContain('หลายครั้งเกินไป');
    // Someone else is not held back by it.
    expect(readable(await p.say(`ติดตาม ${code}`))).toContain(`เรื่องรหัส ${code}`);
  });

  it('answers a bare ติดตามเรื่อง with how to track, and keeps the coordinator’s progress view', async () => {
    p = await startCitizen();
    const { code } = await fileOne(p);
    expect(readable(await p.say('ติดตามเรื่อง'))).toContain('ติดตามเรื่องร้องเรียน: พิมพ์ "ติดตาม" ตามด้วยรหัส');
    expect(readable(await p.say('ติดตาม abc'))).toContain('รหัสติดตามมี 15 ตัว');
    const bad = readable(await p.say('ติดตาม ABCDE-FGHIJ-KLMNP'));
    expect(bad).toContain('รหัสที่ท่านพิมพ์มี I L ซึ่งไม่มีในรหัสติดตาม');
    expect(bad).not.toContain('15 ตัว');
    expect(readable(await p.say(`ติดตาม ${code}`, { user: DEMO_COORDINATOR_ID }))).toContain(
      `เรื่องรหัส ${code}`,
    );
    expect(readable(await p.say('ติดตาม', { user: DEMO_COORDINATOR_ID }))).toContain('ติดตามงาน ITA');
  });
});
