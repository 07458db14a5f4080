// The chat intake as conversations through signed webhooks and the fake LINE API: every step's bad input,
// cancel, expiry, redelivery and duplicates, the rate limit, photos, location and each identity choice.
import { afterEach, describe, expect, it } from 'vitest';
import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import { DEMO_OFFICERS_GROUP_ID } from '../../../../bot/tools/demo/line.ts';
import { listAttachments } from '../../../../db/queries/complaint-attachments.ts';
import { getConversation } from '../../../../db/queries/conversation-state.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { buttons, NOW, readable } from '../../line/events/conversation.ts';
import { CITIZEN, type Citizen, DESCRIPTION, fillUpToIdentity, startCitizen } from './citizen.ts';

/** Bytes that start as a JPEG does (photos are accepted by their signature, issue 14 §4). */
function jpegBytes(size: number, fill = 0): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0xff, 0xd8, 0xff]);
  return bytes;
}

const CODE_RE = /[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}/;

let p: Citizen;
afterEach(() => checkAndClose(p.c.h));

const complaintRows = (p: Citizen) => p.c.h.deps.db.kysely.selectFrom('complaints').selectAll().execute();
const draftPhotos = (p: Citizen) =>
  p.c.h.deps.db.kysely
    .selectFrom('complaint_attachments')
    .select(['id', 'intake_key', 'complaint_id'])
    .execute();

/** The bubbles of the carousel in the last answer. */
function bubblesOf(messages: readonly LineMessage[]): unknown[] {
  const flex = messages.find((m) => m.type === 'flex') as { contents?: { contents?: unknown[] } } | undefined;
  return flex?.contents?.contents ?? [];
}

/** Presses "เลือกหน่วยงานนี้" under the bubble that names `fullName`. */
async function pickAgencyCard(p: Citizen, fullName: string): Promise<LineMessage[]> {
  const card = bubblesOf(p.last).find((b) => readable([b as LineMessage]).includes(fullName));
  const data = card === undefined ? undefined : buttons([card as LineMessage]).get('เลือกหน่วยงานนี้');
  if (data === undefined) throw new Error(`no card for ${fullName} in: ${readable(p.last)}`);
  const answer = await p.c.press(data, { user: CITIZEN });
  p.last = answer;
  return answer;
}

async function confirmWith(p: Citizen, identity: string): Promise<string> {
  await p.choose(identity);
  expect(readable(p.last)).toContain('สรุปเรื่องที่จะส่ง');
  const receipt = readable(await p.choose('ยืนยันส่งเรื่อง'));
  const code = CODE_RE.exec(receipt)?.[0];
  expect(code, receipt).toBeDefined();
  return code ?? '';
}

describe('complaint intake in 1:1 chat', () => {
  it('files a code-only complaint and announces only code, type, agency and time to the province officers', async () => {
    p = await startCitizen();
    const first = readable(await p.say('ร้องเรียน'));
    expect(first).toContain('พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล');
    expect(first).toContain('https://ita.example.go.th/privacy');
    expect(first).toContain('ขั้นที่ 1');
    await p.choose('ทุจริต/ประพฤติมิชอบ');
    await p.choose('ไม่ทราบ');
    await p.say(DESCRIPTION);
    await p.choose('ข้าม');
    await p.choose('ข้าม');
    const code = await confirmWith(p, 'รหัสติดตามเท่านั้น');
    const receipt = readable(p.last);
    expect(receipt).toContain('รับเรื่องเมื่อ: 10 มิ.ย. 2569 10:00 น.');
    expect(receipt).toContain('โปรดจดรหัสไว้');
    expect(p.last.at(-1)).toMatchObject({ type: 'text', text: code });
    // The receipt teaches the citizen's own code, never a made-up one, and has a button to follow it.
    expect(receipt).toContain(`พิมพ์ "ติดตาม ${code}"`);
    expect(receipt).not.toContain('K7QMX');
    expect(readable(await p.choose('ติดตามเรื่องนี้'))).toContain(`เรื่องรหัส ${code}`);
    const [row] = await complaintRows(p);
    expect(row).toMatchObject({
      tracking_code: code,
      identity_mode: 'code_only',
      type: 'corruption',
      agency_id: null,
    });
    expect(row?.notify_cipher).toBeNull();
    expect(row?.reporter_hash).toBeNull();
    expect(row?.identity_cipher).toBeNull();
    expect(await p.step()).toBeUndefined();

    await drainOutbox(p.c.h.deps, NOW);
    const card = p.c.h.fake.messagesTo(DEMO_OFFICERS_GROUP_ID);
    const shown = JSON.stringify(card);
    expect(shown).toContain(code);
    expect(shown).toContain('ทุจริต/ประพฤติมิชอบ');
    expect(shown).not.toContain(DESCRIPTION.slice(0, 20));
    expect(shown).toContain(`a=complaint.ack&id=${row?.id}`);
    expect(shown).toContain(`a=complaint.take&id=${row?.id}`);
    expect(shown).toContain(`https://ita.example.go.th/liff/cases/${row?.id}`);
  });

  it('re-asks every step on input that does not fit, without moving on', async () => {
    p = await startCitizen();
    await p.say('ร้องเรียน');
    expect(readable(await p.say('อะไรก็ได้'))).toContain('โปรดเลือกประเภทเรื่อง');
    expect(await p.step()).toBe('type');
    await p.say('2');
    expect(readable(await p.say('หน่วยงานที่ไม่มีจริงxyz'))).toContain('ไม่พบหน่วยงาน');
    const many = readable(await p.say('บึง'));
    expect(many).toContain('พบหลายหน่วยงาน');
    // A carousel of full names (never "อบต.…" cut at 20 characters), one button each, at most 12.
    const cards = bubblesOf(p.last);
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.length).toBeLessThanOrEqual(12);
    expect(many).toContain('องค์การบริหารส่วนตำบลบึงบอน');
    expect(many).not.toContain('อบต.');
    await pickAgencyCard(p, 'องค์การบริหารส่วนตำบลบึงบอน');
    expect(await p.step()).toBe('description');
    expect(readable(await p.say('สั้นไป'))).toContain('อย่างน้อย 10');
    p.c.h.fake.setContent('early-photo', jpegBytes(10), 'image/jpeg');
    expect(readable(await p.photo('early-photo'))).toContain('ยังไม่รับรูปภาพ');
    expect(readable(await p.location())).toContain('ยังไม่รับตำแหน่ง');
    expect(readable(await p.say('ก'.repeat(5_001)))).toContain('5,000');
    // A text that starts with a command keyword ("งาน") is an answer here, not the command.
    await p.say('งานก่อสร้างถนนหน้าบ้านทิ้งไว้สามเดือนไม่มีใครมาดูแล');
    expect(await p.step()).toBe('whenWhere');
    expect(readable(await p.say('ก'.repeat(501)))).toContain('ไม่เกิน 500');
    await p.say('เมื่อวานบ่ายสองโมง หน้าตลาด');
    expect(readable(await p.say('ไม่รู้จะส่งอะไร'))).toContain('ส่งรูปภาพ หรือกด');
    await p.say('ข้าม');
    expect(readable(await p.say('แบบไหนก็ได้'))).toContain('โปรดเลือกวิธีระบุตัวตน');
    await p.choose('ระบุชื่อ');
    expect(readable(await p.say('ก'))).toContain('ชื่อและนามสกุล');
    expect(readable(await p.say('สมชาย123'))).toContain('ไม่มีตัวเลข');
    await p.say('สมชาย ใจดี');
    expect(readable(await p.say('12345'))).toContain('หมายเลขโทรศัพท์ไม่ถูกต้อง');
    const summary = readable(await p.say('+66 81 234 5678'));
    expect(summary).toContain('สมชาย ใจดี โทร 081-234-5678');
    expect(summary).toContain('อบต.บึงบอน'.replace('อบต.', 'องค์การบริหารส่วนตำบล'));
    expect(readable(await p.say('ไม่แน่ใจ'))).toContain('ยืนยันส่งเรื่อง');
    expect(await p.step()).toBe('confirm');
    expect(readable(await p.say('ยืนยัน'))).toMatch(CODE_RE);
    expect(await complaintRows(p)).toHaveLength(1);
  });

  it('changes one answer from the summary with "แก้ไข" and comes back to the summary', async () => {
    p = await startCitizen();
    await fillUpToIdentity(p);
    await p.choose('รหัสติดตามเท่านั้น');
    expect(await p.step()).toBe('confirm');
    // The description: only that question, then the summary again with the new text.
    expect(readable(await p.choose('แก้ไข'))).toContain('ต้องการแก้ไขคำตอบใด');
    expect(buttons(p.last).has('ชื่อและเบอร์โทรศัพท์')).toBe(false); // not named
    await p.choose('รายละเอียด');
    expect(await p.step()).toBe('description');
    const changed = 'เจ้าหน้าที่เรียกรับเงินสามพันบาทเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร';
    const summary = readable(await p.say(changed));
    expect(summary).toContain('สรุปเรื่องที่จะส่ง');
    expect(summary).toContain(changed);
    expect(await p.step()).toBe('confirm');
    // The agency, typed: several match, chosen from the carousel, back to the summary.
    await p.choose('แก้ไข');
    await p.choose('หน่วยงาน');
    await p.say('บึง');
    const back = readable(await pickAgencyCard(p, 'องค์การบริหารส่วนตำบลบึงบอน'));
    expect(back).toContain('สรุปเรื่องที่จะส่ง');
    expect(back).toContain('องค์การบริหารส่วนตำบลบึงบอน');
    // The identity, to named: the name and phone are asked, then the summary.
    await p.choose('แก้ไข');
    await p.choose('การระบุตัวตน');
    await p.choose('ระบุชื่อ');
    expect(await p.step()).toBe('name');
    await p.say('สมชาย ใจดี');
    expect(await p.step()).toBe('phone');
    expect(readable(await p.say('0812345678'))).toContain('สมชาย ใจดี โทร 081-234-5678');
    // "กลับไปที่สรุป" changes nothing; typing "แก้ไข" works as the button does.
    await p.say('แก้ไข');
    expect(buttons(p.last).has('ชื่อและเบอร์โทรศัพท์')).toBe(true);
    expect(readable(await p.choose('กลับไปที่สรุป'))).toContain('สรุปเรื่องที่จะส่ง');
    const receipt = readable(await p.choose('ยืนยันส่งเรื่อง'));
    expect(receipt).toMatch(CODE_RE);
    const [row] = await complaintRows(p);
    expect(row).toMatchObject({ description: changed, agency_id: 'bueng-bon-sao', identity_mode: 'named' });
  });

  it('cancels at any step and keeps nothing, photos included', async () => {
    p = await startCitizen();
    await fillUpToIdentity(p);
    await p.say('ยกเลิก');
    await p.say('ร้องเรียน');
    await p.choose('การให้บริการ');
    await p.choose('ไม่ทราบ');
    await p.say(DESCRIPTION);
    await p.choose('ข้าม');
    p.c.h.fake.setContent('m-1', jpegBytes(2_000, 7), 'image/jpeg');
    expect(readable(await p.photo('m-1'))).toContain('ได้รับรูปที่ 1 แล้ว');
    expect(await draftPhotos(p)).toHaveLength(1);
    expect(readable(await p.say('cancel'))).toContain('ยกเลิกการแจ้งเรื่องแล้ว');
    expect(await p.step()).toBeUndefined();
    expect(await draftPhotos(p)).toEqual([]);
    expect(await complaintRows(p)).toEqual([]);
    expect(readable(await p.say('ยกเลิก'))).toContain('ไม่มีเรื่องที่กำลังกรอก');
  });

  it('drops a draft and its photos at the first scheduler tick after 24 hours', async () => {
    p = await startCitizen();
    await p.say('ร้องเรียน');
    await p.choose('อื่น ๆ');
    await p.choose('ไม่ทราบ');
    await p.say(DESCRIPTION);
    await p.choose('ข้าม');
    p.c.h.fake.setContent('m-exp', new Uint8Array(500), 'image/png');
    await p.photo('m-exp');
    const db = p.c.h.deps.db;
    expect(await getConversation(db, CITIZEN, new Date(NOW.getTime() + 23 * 3_600_000))).toBeDefined();
    const report = await runScheduler(p.c.h.deps, new Date(NOW.getTime() + 25 * 3_600_000));
    expect(report.draftsExpired).toBe(1);
    expect(await db.kysely.selectFrom('conversation_state').selectAll().execute()).toEqual([]);
    expect(await draftPhotos(p)).toEqual([]);
  });

  it('never skips or repeats a step for a redelivered event, a doubled text or an old button', async () => {
    p = await startCitizen();
    await p.say('ร้องเรียน');
    const typeButtons = p.last;
    await p.choose('ทุจริต/ประพฤติมิชอบ');
    await p.choose('ไม่ทราบ');
    await p.say(DESCRIPTION, { eventId: '01JREDELIVERED000000000001' });
    expect(await p.step()).toBe('whenWhere');
    const repliesBefore = p.c.h.fake.replies().length;
    await p.say(DESCRIPTION, { eventId: '01JREDELIVERED000000000001' });
    expect(p.c.h.fake.replies().length).toBe(repliesBefore);
    // The same text again under a new id (a double send): the question is asked again, nothing is taken.
    expect(readable(await p.say(DESCRIPTION))).toContain('ขั้นที่ 4');
    expect(await p.step()).toBe('whenWhere');
    const conversation = await getConversation(p.c.h.deps.db, CITIZEN, NOW);
    expect(conversation?.step).toBe('whenWhere');
    expect((conversation?.data as { occurredAt?: string } | undefined)?.occurredAt).toBeUndefined();
    p.last = typeButtons;
    expect(readable(await p.choose('การให้บริการ'))).toContain('ปุ่มนั้นเป็นของคำถามก่อนหน้า');
    expect(await p.step()).toBe('whenWhere');
    await p.choose('ข้าม');
    await p.choose('ข้าม');
    await p.choose('ไม่ระบุชื่อ+แจ้งผล');
    const confirmButtons = p.last;
    await p.choose('ยืนยันส่งเรื่อง');
    p.last = confirmButtons;
    expect(readable(await p.choose('ยืนยันส่งเรื่อง'))).toContain('ส่งหรือยกเลิกไปแล้ว');
    expect(await complaintRows(p)).toHaveLength(1);
  });

  it('refuses a fourth new complaint within the hour, politely', async () => {
    p = await startCitizen();
    for (let i = 0; i < 3; i += 1) {
      await fillUpToIdentity(p);
      await confirmWith(p, 'รหัสติดตามเท่านั้น');
    }
    const refusal = readable(await p.say('ร้องเรียน'));
    expect(refusal).toContain('ไม่เกิน 3 เรื่องต่อชั่วโมง');
    expect(refusal).toContain('11:00 น.');
    expect(await p.step()).toBeUndefined();
    expect(await complaintRows(p)).toHaveLength(3);
  });

  it('takes up to five photos of at most 1 MB each, and a location', async () => {
    p = await startCitizen();
    await p.say('ร้องเรียน');
    await p.choose('การให้บริการ');
    await p.say('ระแหง');
    await p.say(DESCRIPTION);
    await p.location();
    expect(await p.step()).toBe('photos');
    p.c.h.fake.setContent('big', jpegBytes(1_000_001), 'image/jpeg');
    expect(readable(await p.photo('big'))).toContain('ใหญ่เกิน 1 เมกะไบต์');
    p.c.h.fake.setContent('pdf', new Uint8Array(10), 'application/pdf');
    expect(readable(await p.photo('pdf'))).toContain('รับเฉพาะรูปภาพ');
    for (let i = 1; i <= 5; i += 1) {
      p.c.h.fake.setContent(`ok-${i}`, jpegBytes(1_000_000, i), 'image/jpeg');
      expect(readable(await p.photo(`ok-${i}`))).toContain(`ได้รับแล้ว ${i}/5 รูป`);
    }
    p.c.h.fake.setContent('sixth', jpegBytes(10), 'image/jpeg');
    expect(readable(await p.photo('sixth'))).toContain('ครบ 5 รูปแล้ว');
    await p.choose('เสร็จ');
    await confirmWith(p, 'ไม่ระบุชื่อ+แจ้งผล');
    const [row] = await complaintRows(p);
    expect(row).toMatchObject({ agency_id: 'rahaeng-sao', lat: 14.02, lng: 100.53 });
    expect(row?.place).toContain('ศาลากลางจังหวัด');
    const photos = await listAttachments(p.c.h.deps.db, row?.id ?? '');
    expect(photos.map((ph) => ph.size)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
  });

  it('answers ช่วยเหลือ mid-flow with the intake help and runs a command typed on its own', async () => {
    p = await startCitizen();
    await p.say('ร้องเรียน');
    await p.choose('ทุจริต/ประพฤติมิชอบ');
    const help = readable(await p.say('ช่วยเหลือ'));
    expect(help).toContain('ท่านกำลังแจ้งเรื่องร้องเรียน');
    expect(help).toContain('ขั้นที่ 2');
    expect(readable(await p.say('เรื่องของฉัน'))).toContain('ยังไม่มีเรื่องร้องเรียนของท่าน');
    expect(await p.step()).toBe('agency');
    expect(readable(await p.say('ร้องเรียน'))).toContain('ท่านมีเรื่องที่กรอกค้างไว้');
  });
});
