// Issue 16 §2: the photos of one multi-photo send arrive as concurrent events; the 5-photo cap holds, photos
// past it are refused with one message, and the set is acknowledged once, when its last photo is in.
import { afterEach, describe, expect, it } from 'vitest';
import { countDraftAttachments } from '../../../../db/queries/complaint-attachments.ts';
import { getConversation } from '../../../../db/queries/conversation-state.ts';
import { makeCallback, makeTextEvent, userSource } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { answerTo, NOW, readable } from '../../line/events/conversation.ts';
import { CITIZEN, type Citizen, DESCRIPTION, startCitizen } from './citizen.ts';

let p: Citizen;
afterEach(() => checkAndClose(p.c.h));

async function toPhotoStep(): Promise<string> {
  p = await startCitizen();
  await p.say('ร้องเรียน');
  await p.choose('ทุจริต/ประพฤติมิชอบ');
  await p.choose('ไม่ทราบ');
  await p.say(DESCRIPTION);
  await p.choose('ข้าม');
  expect(await p.step()).toBe('photos');
  return (await getConversation(p.c.h.deps.db, CITIZEN, NOW))?.draftId ?? '';
}

/** One image event of a set, as LINE sends each photo of a multi-photo send. */
function setPhoto(setId: string, index: number, total: number) {
  const base = makeTextEvent('x', { source: userSource(CITIZEN), timestamp: NOW.getTime() });
  const id = `${setId}-${index}`;
  // A JPEG's signature first: photos are accepted by their bytes, not the declared type.
  const bytes = new Uint8Array(2_000).fill(index);
  bytes.set([0xff, 0xd8, 0xff]);
  p.c.h.fake.setContent(id, bytes, 'image/jpeg');
  return {
    ...base,
    message: {
      id,
      type: 'image',
      quoteToken: `q-${id}`,
      contentProvider: { type: 'line' },
      imageSet: { id: setId, index, total },
    },
  };
}

/** Posts every event as its own webhook request, all at once, and waits for the work after the answers. */
async function deliverAtOnce(events: ReturnType<typeof setPhoto>[]): Promise<string[]> {
  const { h } = p.c;
  const shuffled = [...events].reverse();
  const responses = await Promise.all(shuffled.map((e) => h.postWebhook(makeCallback(e))));
  expect(responses.map((r) => r.status)).toEqual(events.map(() => 200));
  await h.settle();
  return events.map((e) => readable(answerTo(h, e.replyToken))).filter((t) => t !== '');
}

describe('a photo set delivered concurrently', () => {
  it('stores at most 5 of 7 and answers once, naming what was taken and what was not', async () => {
    const draftId = await toPhotoStep();
    const answers = await deliverAtOnce(Array.from({ length: 7 }, (_, i) => setPhoto('set-seven', i + 1, 7)));
    expect(await countDraftAttachments(p.c.h.deps.db, draftId)).toBe(5);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('ได้รับ 5 รูปแล้ว');
    expect(answers[0]).toContain('อีก 2 รูปแนบไม่ได้');
    expect(answers.join('\n')).not.toMatch(/[6-9]\/5/);
  });

  it('acknowledges a set of 3 once ("ได้รับ 3 รูป"), then refuses a later set past the cap in one message', async () => {
    const draftId = await toPhotoStep();
    const first = await deliverAtOnce([1, 2, 3].map((i) => setPhoto('set-a', i, 3)));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('ได้รับ 3 รูปแล้ว');
    expect(first[0]).toContain('ได้รับแล้ว 3/5 รูป');
    const second = await deliverAtOnce([1, 2, 3, 4].map((i) => setPhoto('set-b', i, 4)));
    expect(await countDraftAttachments(p.c.h.deps.db, draftId)).toBe(5);
    expect(second).toHaveLength(1);
    expect(second[0]).toContain('ได้รับ 2 รูปแล้ว อีก 2 รูปแนบไม่ได้');
  });

  it('keeps the cap for the filed complaint', async () => {
    await toPhotoStep();
    await deliverAtOnce(Array.from({ length: 7 }, (_, i) => setPhoto('set-filed', i + 1, 7)));
    p.last = answerTo(p.c.h, '');
    await p.say('เสร็จ');
    await p.choose('รหัสติดตามเท่านั้น');
    await p.choose('ยืนยันส่งเรื่อง');
    const rows = await p.c.h.deps.db.kysely
      .selectFrom('complaint_attachments')
      .select('complaint_id')
      .where('complaint_id', 'is not', null)
      .execute();
    expect(rows).toHaveLength(5);
  });
});
