// The reminder, task-list and digest builders: their words and LINE's limits (bubble 30 KB, carousel 12 bubbles
// and 50 KB, alt text, button labels, postback data).
import { describe, expect, it } from 'vitest';
import { buildTaskList, MAX_TASK_BUBBLES } from '../../../../../bot/features/plan/messages.ts';
import {
  buildDigest,
  buildReminder,
  daysLeftText,
  respondentsText,
  type TaskCard,
} from '../../../../../bot/features/plan/reminder-messages.ts';
import { bkk } from '../../../../core/reminders/helpers.ts';
import { buttons, readable } from '../../../line/events/conversation.ts';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

function card(n: number, extra: Partial<TaskCard> = {}): TaskCard {
  return {
    activityId: `0d4f6c1e-7a43-4b1f-9e55-${String(n).padStart(12, '0')}`,
    agencyId: 'nakhon-rangsit',
    agencyName: 'เทศบาลนครรังสิต',
    seq: n,
    title: 'ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ',
    dueOn: '2024-07-01',
    daysLeft: 3,
    status: 'not_started',
    ...extra,
  };
}

/** Every Flex bubble in the messages. */
function bubbles(messages: readonly unknown[]): unknown[] {
  return messages.flatMap((m) => {
    if (typeof m !== 'object' || m === null || !('contents' in m)) return [];
    const contents = m.contents;
    if (
      typeof contents === 'object' &&
      contents !== null &&
      'type' in contents &&
      contents.type === 'carousel'
    )
      return 'contents' in contents && Array.isArray(contents.contents) ? contents.contents : [];
    return [contents];
  });
}

describe('buildReminder', () => {
  it('says what, by when, how long is left, and the survey progress, with a done button', () => {
    const messages = buildReminder(card(8, { survey: { instrument: 'IIT', reported: 45, target: 120 } }));
    const text = readable(messages);
    expect(text).toContain('ข้อ 8 ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ');
    expect(text).toContain('กำหนดเสร็จ 1 ก.ค. 2567');
    expect(text).toContain('เหลืออีก 3 วัน');
    expect(text).toContain('ผู้ตอบ IIT: 45/120 คน (37%)');
    expect([...buttons(messages).entries()]).toEqual([
      ['เสร็จแล้ว', 'a=done&act=0d4f6c1e-7a43-4b1f-9e55-000000000008&ag=nakhon-rangsit'],
    ]);
  });

  it.each([
    [3, 'เหลืออีก 3 วัน', 'แจ้งเตือนงาน ITA'],
    [0, 'ครบกำหนดวันนี้', 'งาน ITA ครบกำหนดวันนี้'],
    [-4, 'เลยกำหนดมาแล้ว 4 วัน', 'งาน ITA เลยกำหนด'],
  ])('words %i days left as "%s" under "%s"', (daysLeft, left, heading) => {
    expect(daysLeftText(daysLeft)).toBe(left);
    expect(readable(buildReminder(card(1, { daysLeft })))).toContain(`${heading}\n`);
  });

  it.each([
    [{ reported: 150, target: 120 }, '150/120 คน (100%) เกินเป้า 30'],
    [{ reported: null, target: 120 }, 'ยังไม่ได้รายงานยอด (เป้าขั้นต่ำ 120 คน)'],
    [{ reported: null, target: null }, 'ยังไม่ได้รายงานยอดและยังไม่ได้ตั้งเป้า'],
  ])('shows respondents %o as "%s" (capped at 100 %)', (figures, expected) => {
    expect(respondentsText({ instrument: 'EIT', ...figures })).toBe(expected);
  });

  it('stays within LINE limits with the longest names and titles', () => {
    const long = card(17, {
      agencyName: 'องค์การบริหารส่วนตำบล'.repeat(10),
      title: 'วิเคราะห์ผลการประเมินและกำหนดมาตรการ'.repeat(20),
      survey: { instrument: 'EIT', reported: 1_000_000, target: 999_999 },
    });
    const [message] = buildReminder(long);
    expect(bytes(bubbles([message])[0])).toBeLessThan(30_000);
    expect(message && 'altText' in message ? message.altText.length : 0).toBeLessThanOrEqual(400);
  });
});

describe('buildTaskList', () => {
  it('shows up to 10 tasks and an "and N more" bubble, within 12 bubbles and 50 KB', () => {
    const cards = Array.from({ length: 17 }, (_, i) => card(i + 1, { title: 'ก'.repeat(200) }));
    const messages = buildTaskList(cards, 'เทศบาลนครรังสิต');
    expect(messages).toHaveLength(2);
    expect(readable(messages)).toContain('เทศบาลนครรังสิต มีงาน ITA ที่ยังไม่เสร็จ 17 งาน');
    const all = bubbles(messages);
    expect(all).toHaveLength(MAX_TASK_BUBBLES + 1);
    expect(bytes(messages[1])).toBeLessThan(50_000);
    expect(readable(messages)).toContain('และอีก 7 งานที่ครบกำหนดทีหลัง');
    // No button may open a LIFF view that does not exist yet (the plan view comes with the LIFF issue).
    expect(JSON.stringify(messages)).not.toContain('"uri"');
  });

  it('counts the late ones, and says so when nothing is open', () => {
    const late = buildTaskList([card(1, { daysLeft: -2 }), card(2)], 'เทศบาลนครรังสิต');
    expect(readable(late)).toContain('ที่ยังไม่เสร็จ 2 งาน (เลยกำหนด 1 งาน)');
    expect(bubbles(late)).toHaveLength(2);
    expect(readable(buildTaskList([], 'เทศบาลนครรังสิต'))).toBe('เทศบาลนครรังสิต ไม่มีงาน ITA ค้างอยู่ในปีงบประมาณนี้ค่ะ');
  });
});

describe('buildDigest', () => {
  const planUrl = 'https://ita.example.go.th/liff/plan';

  it('sends nothing when nothing is overdue and every agency can be reached', () => {
    expect(buildDigest({ now: bkk('2024-07-02 08:30'), overdue: [], unreachable: [], planUrl })).toEqual([]);
  });

  it('names each overdue activity and the agencies behind it, with buttons to the plan and to remind them', () => {
    const overdue = [
      {
        seq: 2,
        title: 'จัดทำแผนปฏิบัติการป้องกันการทุจริต',
        dueOn: '2023-12-31',
        agencies: ['ทน.รังสิต', 'อบจ.ปทุมธานี'],
      },
    ];
    const [message] = buildDigest({ now: bkk('2024-07-02 08:30'), overdue, unreachable: [], planUrl });
    expect(readable(message ? [message] : [])).toContain(
      '• ข้อ 2 จัดทำแผนปฏิบัติการป้องกันการทุจริต (กำหนด 31 ธ.ค. 2566)\n  ยังไม่เสร็จ 2 หน่วยงาน: ทน.รังสิต, อบจ.ปทุมธานี',
    );
    const labels =
      message?.type === 'text' ? (message.quickReply?.items ?? []).map((i) => i.action?.label) : [];
    expect(labels).toEqual(['ดูแผนงาน', 'เตือนหน่วยงาน', 'ติดตาม']);
  });

  it('stays short with a whole province behind', () => {
    const overdue = Array.from({ length: 24 }, (_, i) => ({
      seq: i + 1,
      title: `กิจกรรมที่ ${i + 1} ของแผนปฏิบัติการ`,
      dueOn: '2024-03-31',
      agencies: Array.from({ length: 40 }, (_, k) => `อบต.ตำบลที่ ${k + 1}`),
    }));
    const unreachable = Array.from({ length: 30 }, (_, i) => `องค์การบริหารส่วนตำบลที่ ${i + 1}`);
    const [message] = buildDigest({ now: bkk('2024-07-02 08:30'), overdue, unreachable, planUrl });
    const text = message && message.type === 'text' ? message.text : '';
    expect(text).toContain('งานที่เลยกำหนด 24 งาน ของ 40 หน่วยงาน');
    expect(text).toContain('ยังไม่เสร็จ 40 หน่วยงาน: อบต.ตำบลที่ 1, อบต.ตำบลที่ 2');
    expect(text).toContain('และอีก 34 หน่วยงาน');
    expect(text).toContain('และอีก 14 งาน');
    expect(text).toContain('ส่งแจ้งเตือนไม่ถึง 30 หน่วยงาน');
    expect(text.length).toBeLessThan(5000);
  });
});
