// What coordinators read about the quota: in `โควตา`, in `ติดตาม`, and the 80 % alert.
import { formatThaiDate } from '../../../core/index.ts';
import type { LineMessage } from '../../line/client.ts';
import type { QuotaBudget } from './budget.ts';

const n = (value: number) => value.toLocaleString('en-US');

/** What to do, in one line. */
export function adviceOf(b: QuotaBudget): string {
  if (b.paused?.reason === 'quota')
    return 'ระงับการส่งอยู่เพราะโควตาหมด: ระบบจะส่งต่อเองเมื่อขึ้นเดือนใหม่ หรือเพิ่มแพ็กเกจ LINE แล้วกด "ส่งต่อ" ในมินิแอป';
  if (b.limit === undefined || b.used === undefined)
    return b.readFailed ? 'อ่านโควตาจาก LINE ไม่ได้ในขณะนี้ โปรดลองใหม่ภายหลัง' : 'แพ็กเกจนี้ไม่จำกัดจำนวนข้อความ';
  const after = b.limit - b.used - b.forecast.total;
  if (after >= 0) return `คาดว่าพอใช้ถึงสิ้นเดือน (เหลือประมาณ ${n(after)} ข้อความ)`;
  return `คาดว่าโควตาจะไม่พอราว ${n(-after)} ข้อความ: ควรเพิ่มแพ็กเกจ LINE หรือลดจำนวนสมาชิก/กลุ่มที่รับแจ้งเตือน`;
}

/** The budget as lines of text. */
export function quotaLines(b: QuotaBudget): string[] {
  const f = b.forecast;
  const until = formatThaiDate(new Date(b.monthEnds.getTime() - 1));
  const usedLine =
    b.limit !== undefined && b.used !== undefined
      ? `ใช้แล้ว ${n(b.used)} จาก ${n(b.limit)} ข้อความ (${Math.round((b.used / b.limit) * 100)}%)`
      : b.used !== undefined
        ? `ใช้แล้ว ${n(b.used)} ข้อความ (ไม่จำกัด)`
        : 'ยังอ่านยอดใช้จาก LINE ไม่ได้';
  return [
    usedLine,
    `คาดว่าจะใช้อีก ${n(f.total)} ข้อความถึง ${until}: แจ้งเตือนกำหนดการ ${n(f.reminders)}, สรุปรายวัน ${n(f.digests)}, รอส่งอยู่ ${n(f.queued)}, อัปเดตเรื่องร้องเรียน ${n(f.complaintUpdates)}`,
    ...(b.uncountedGroups > 0 ? [`(${b.uncountedGroups} กลุ่มยังไม่ได้นับสมาชิก คิดกลุ่มละ 10 คนไปก่อน)`] : []),
    adviceOf(b),
  ];
}

export function buildQuota(b: QuotaBudget): LineMessage[] {
  const text = [
    'โควตาข้อความ LINE ของเดือนนี้',
    ...quotaLines(b),
    'ข้อความตอบกลับ (reply) ไม่นับในโควตา ส่วนการส่งเข้ากลุ่มนับ 1 ข้อความต่อสมาชิก 1 คน',
  ].join('\n');
  return [{ type: 'text', text }];
}

export function buildQuotaAlert(b: QuotaBudget): LineMessage[] {
  const share = b.limit && b.used !== undefined ? Math.round((b.used / b.limit) * 100) : 80;
  return [
    {
      type: 'text',
      text: [`แจ้งเตือน: ใช้โควตาข้อความ LINE ของเดือนนี้ไปแล้ว ${share}%`, ...quotaLines(b)].join('\n'),
    },
  ];
}

/** The quota under `ติดตาม`'s carousel: the same figures as `โควตา`, in short. */
export function buildQuotaSummary(b: QuotaBudget): LineMessage[] {
  return [
    { type: 'text', text: ['โควตาข้อความ LINE เดือนนี้', ...quotaLines(b), 'รายละเอียด: พิมพ์ "โควตา"'].join('\n') },
  ];
}
