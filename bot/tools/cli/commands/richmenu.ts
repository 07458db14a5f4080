// `ita richmenu [--out DIR]`: draws the four rich menus (citizens, agency staff, coordinators, complaint
// officers) and puts them live through LINE's API (or, with --out, only writes their pictures and JSON for a look first).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../../config.ts';
import { createJsonLogger } from '../../../deps.ts';
import { LineApiError } from '../../../line/errors.ts';
import { liffUrlOf } from '../../../line/liff-url.ts';
import { createNodeDeps } from '../../../node-deps.ts';
import { applyRichMenus, type RichMenuDeps } from '../../richmenu/apply.ts';
import { richMenuRequest } from '../../richmenu/layout.ts';
import { allMenus } from '../../richmenu/menus.ts';
import { type RenderMenuImages, RichMenuImageError, renderMenuImages } from '../../richmenu/render.ts';
import { createMenuImageUploader } from '../../richmenu/upload.ts';
import type { CommandIo } from './migrate.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- richmenu              สร้างริชเมนูประชาชน เจ้าหน้าที่ ผู้ประสานงาน และเจ้าหน้าที่รับเรื่อง ผ่าน LINE API (แทนที่ชุดเดิม)',
  '  npm run ita -- richmenu --out DIR    เขียนรูป PNG และ JSON ของริชเมนูไว้ในโฟลเดอร์ DIR เท่านั้น',
].join('\n');

/** What the command needs; `render` defaults to resvg's pictures, `writeFile` to the file system. */
export interface RichMenuCliDeps extends Omit<RichMenuDeps, 'render'> {
  publicBaseUrl: string;
  liffId?: string;
  render?: RenderMenuImages;
}

async function writeOut(dir: string, deps: RichMenuCliDeps, io: CommandIo): Promise<number> {
  const liffUrl = liffUrlOf(deps.publicBaseUrl, deps.liffId);
  const designs = Object.values(allMenus(liffUrl));
  const images = await (deps.render ?? renderMenuImages)(designs);
  await mkdir(dir, { recursive: true });
  for (const [i, design] of designs.entries()) {
    const png = images[i];
    if (png === undefined) continue;
    await writeFile(join(dir, `${design.key}.png`), png);
    await writeFile(join(dir, `${design.key}.json`), `${JSON.stringify(richMenuRequest(design), null, 2)}\n`);
    io.out(
      `เขียน ${join(dir, `${design.key}.png`)} (${png.length.toLocaleString('en-US')} ไบต์) และ ${design.key}.json แล้ว`,
    );
  }
  return 0;
}

async function putLive(deps: RichMenuCliDeps, io: CommandIo): Promise<number> {
  const liffUrl = liffUrlOf(deps.publicBaseUrl, deps.liffId);
  const report = await applyRichMenus(
    { ...deps, render: deps.render ?? renderMenuImages },
    allMenus(liffUrl),
  );
  io.out(`สร้างริชเมนูประชาชนแล้ว (${report.ids.citizen}) และตั้งเป็นเมนูเริ่มต้นของทุกคน`);
  const made = (name: string, id: string, people: number) =>
    `สร้างริชเมนู${name}แล้ว (${id}) ${people === 0 ? 'ยังไม่มีผู้ใช้ให้เชื่อม' : `และเชื่อมให้ ${people} คน`}`;
  io.out(made('เจ้าหน้าที่หน่วยงาน', report.ids.staff, report.linked.staff));
  io.out(made('ผู้ประสานงาน', report.ids.coordinator, report.linked.coordinator));
  io.out(made('เจ้าหน้าที่รับเรื่องร้องเรียน', report.ids.officer, report.linked.officer));
  io.out(report.deleted.length === 0 ? 'ไม่มีริชเมนูเก่าให้ลบ' : `ลบริชเมนูเก่า ${report.deleted.length} รายการแล้ว`);
  return 0;
}

/** Runs the command; 0 done, 1 LINE refused, 2 bad usage or a missing browser. */
export async function runRichMenu(
  args: readonly string[],
  io: CommandIo,
  deps: RichMenuCliDeps,
): Promise<number> {
  const out = args.indexOf('--out');
  const known = args.every((a, i) => a === '--out' || (out !== -1 && i === out + 1));
  const dir = out === -1 ? undefined : args[out + 1];
  if (!known || (out !== -1 && (dir === undefined || dir.startsWith('--')))) {
    io.err(USAGE);
    return 2;
  }
  try {
    return dir === undefined ? await putLive(deps, io) : await writeOut(dir, deps, io);
  } catch (error) {
    if (error instanceof RichMenuImageError) {
      io.err(`ข้อผิดพลาด: ${error.message}`);
      return 2;
    }
    if (error instanceof LineApiError) {
      io.err(`ข้อผิดพลาด: LINE ไม่รับคำขอ ${error.path} (HTTP ${error.status}): ${error.body.slice(0, 300)}`);
      return 1;
    }
    throw error;
  }
}

/** The command from the operator's configuration (for bot/tools/cli/ita.ts): the real LINE API, or the fake in local mode. */
export async function runRichMenuWithConfig(
  args: readonly string[],
  io: CommandIo,
  config: Config,
): Promise<number> {
  const { deps, fake, close } = await createNodeDeps(
    config,
    createJsonLogger((line) => io.err(line)),
  );
  try {
    if (fake !== undefined) io.out('โหมดทดลอง (ไม่มีข้อมูลช่อง LINE): ส่งคำขอไปที่ LINE จำลองเท่านั้น');
    const { db, line, now, publicBaseUrl } = deps;
    const uploadImage = createMenuImageUploader(line);
    const liffId = config.liff.liffId;
    return await runRichMenu(args, io, {
      db,
      line,
      now,
      uploadImage,
      publicBaseUrl,
      ...(liffId ? { liffId } : {}),
    });
  } finally {
    await close();
  }
}
