// `ita tick [--now <ISO time>]`: one scheduler run at a chosen time — for operators, cron on Node, and tests.
import type { Config } from '../../../config.ts';
import { createJsonLogger } from '../../../deps.ts';
import { createNodeDeps } from '../../../node-deps.ts';
import { runScheduler } from '../../../scheduler.ts';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Parses `--now`: an ISO-8601 time with a zone (Z or ±hh:mm), so nobody runs a tick in the wrong zone. */
export function parseNow(args: readonly string[], fallback: Date): Date | string {
  const at = args.indexOf('--now');
  if (at === -1) return fallback;
  const value = args[at + 1];
  if (value === undefined) return 'ต้องระบุเวลาหลัง --now เช่น --now 2024-06-24T09:00:00+07:00';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return `เวลา "${value}" ไม่อยู่ในรูปแบบ ISO-8601 พร้อมเขตเวลา เช่น 2024-06-24T09:00:00+07:00`;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? `เวลา "${value}" ไม่ถูกต้อง` : date;
}

export async function runTick(args: readonly string[], io: Io, config: Config): Promise<number> {
  const now = parseNow(args, new Date());
  if (typeof now === 'string') {
    io.err(`ข้อผิดพลาด: ${now}`);
    return 2;
  }
  const log = createJsonLogger((line) => io.err(line));
  const { deps, fake, close } = await createNodeDeps(config, log);
  try {
    const report = await runScheduler(deps, now);
    io.out(
      `รอบการทำงาน ${now.toISOString()}: จัดการเหตุการณ์ ${report.eventsHandled} รายการ, ` +
        `แจ้งเตือนกำหนดการ ${report.remindersQueued} ข้อความ, ชวนตอบแบบวัด ${report.nudgesQueued} ข้อความ, ` +
        `รายงานผลประกาศ ${report.broadcastsReported} รายการ, ` +
        `ส่งข้อความ ${report.sent} รายการ, ส่งไม่สำเร็จ ${report.failed} รายการ` +
        (report.outboxPaused ? ' (หยุดส่งชั่วคราว: โควตาข้อความของเดือนนี้หมดแล้ว)' : ''),
    );
    if (fake !== undefined) io.out(`โหมดทดลอง: ข้อความไปที่ LINE จำลอง ${fake.sent().length} รายการ`);
    return 0;
  } finally {
    await close();
  }
}
