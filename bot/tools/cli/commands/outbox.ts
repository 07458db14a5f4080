// `ita outbox status|resume`: whether sending is paused (the monthly quota ran out) and what waits, and sending
// again at once — after the LINE plan was raised — with the backlog in priority order.
import { countOutboxByState } from '../../../../db/queries/outbox.ts';
import type { Config } from '../../../config.ts';
import { createJsonLogger } from '../../../deps.ts';
import { resumeSending } from '../../../features/quota/resume.ts';
import { readOutboxPause } from '../../../line/outbox/pause.ts';
import { createNodeDeps } from '../../../node-deps.ts';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'วิธีใช้: npm run ita -- outbox status|resume';

export async function runOutbox(args: readonly string[], io: Io, config: Config): Promise<number> {
  const [sub] = args;
  if (sub !== 'status' && sub !== 'resume') {
    io.err(sub === undefined ? USAGE : `ข้อผิดพลาด: ไม่รู้จักคำสั่งย่อย "${sub}"\n${USAGE}`);
    return 2;
  }
  const log = createJsonLogger((line) => io.err(line));
  const { deps, close } = await createNodeDeps(config, log);
  try {
    const now = new Date();
    if (sub === 'resume') {
      const { resumed, merged } = await resumeSending(deps, now, 'cli');
      io.out(
        resumed
          ? `เปิดการส่งข้อความอีกครั้งแล้ว ข้อความที่ค้างจะส่งในรอบถัดไป${merged > 0 ? ` (รวมการแจ้งเตือนที่เลยวันแล้ว ${merged} ข้อความเป็นฉบับเดียวต่อกลุ่ม)` : ''}`
          : 'การส่งข้อความไม่ได้ถูกระงับอยู่',
      );
      return 0;
    }
    const pause = await readOutboxPause(deps.db);
    const counts = await countOutboxByState(deps.db);
    io.out(
      pause === undefined
        ? 'การส่งข้อความ: ปกติ'
        : `การส่งข้อความ: ระงับตั้งแต่ ${pause.since} (${pause.reason === 'quota' ? 'โควตาข้อความรายเดือนหมด' : pause.detail})`,
    );
    io.out(
      `รอส่ง ${counts.pending} ข้อความ, กำลังส่ง ${counts.sending}, ส่งแล้ว ${counts.sent}, ไม่สำเร็จ ${counts.failed}`,
    );
    return 0;
  } finally {
    await close();
  }
}
