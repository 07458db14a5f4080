// First start with real LINE credentials, on either runtime (issue 14 §1): the home province from
// PROVINCE_ID/PROVINCE_NAME_TH when the database has none (never the demo), then the first coordinator from
// ADMIN_LINE_USER_IDS or a one-time claim code, and the lines that tell the operator what to do next.
import { setSetting } from '../../../db/queries/app-settings.ts';
import { hasAnyProvince, upsertProvince } from '../../../db/queries/provinces.ts';
import type { Deps } from '../../deps.ts';
import { accountNameOf, HOME_PROVINCE_SETTING, homeProvinceId } from '../../line/chat/who.ts';
import { bootstrapCoordinators } from '../roles/bootstrap.ts';

export interface SetupOutcome {
  accountName: string;
  /** A one-time code for the first coordinator, when nobody is one yet (printed at start). */
  claimCode?: string;
  /** With real credentials and no province on record: the operator must name it or import agencies first. */
  needsProvince?: boolean;
}

export async function setUpProvince(
  deps: Deps,
  adminLineUserIds: readonly string[],
  province: { id: string; nameTh: string } | undefined,
  now: Date,
): Promise<SetupOutcome> {
  if (!deps.localMode && province !== undefined && !(await hasAnyProvince(deps.db))) {
    await upsertProvince(deps.db, { id: province.id, nameTh: province.nameTh }, now);
    await setSetting(deps.db, HOME_PROVINCE_SETTING, province.id, 'setup', now);
    deps.log.info('home province created', { provinceId: province.id });
  }
  const provinceId = await homeProvinceId(deps.db);
  const accountName = await accountNameOf(deps.db);
  if (provinceId === undefined) return { accountName, needsProvince: !deps.localMode };
  const boot = await bootstrapCoordinators(deps, { adminLineUserIds, provinceId }, now);
  return { accountName, claimCode: boot.claimCode };
}

/** What the operator reads at a start with real credentials: the claim code (if any) and what to do next. */
export function nextStepLines(outcome: SetupOutcome): string[] {
  if (outcome.needsProvince === true) {
    return [
      'ฐานข้อมูลยังไม่มีจังหวัด: ตั้งค่า PROVINCE_ID และ PROVINCE_NAME_TH (เช่น PROVINCE_ID=tak PROVINCE_NAME_TH=ตาก) แล้วเริ่มระบบใหม่',
      '  หรือนำเข้ารายชื่อหน่วยงานก่อน: npm run ita -- agencies template --out agencies.csv แล้ว npm run ita -- agencies import agencies.csv --apply',
    ];
  }
  const lines: string[] = [];
  if (outcome.claimCode !== undefined) {
    lines.push(
      `ยังไม่มีผู้ประสานงานจังหวัด: พิมพ์ "ผู้ประสานงาน ${outcome.claimCode}" ในแชตส่วนตัวกับบัญชี LINE เพื่อรับสิทธิ์ผู้ประสานงานคนแรก (ใช้ได้ครั้งเดียว)`,
    );
  }
  lines.push(
    'ขั้นต่อไป:',
    '  1. นำเข้ารายชื่อหน่วยงาน: npm run ita -- agencies template --out agencies.csv กรอกแล้ว npm run ita -- agencies import agencies.csv (ตรวจ) และ --apply (บันทึก) หรือในมินิแอป: เครื่องมือ → รายชื่อหน่วยงาน',
    '  2. ผูกกลุ่ม LINE ของหน่วยงาน: พิมพ์ "รหัสผูกกลุ่ม <หน่วยงาน>" ในแชตส่วนตัว (หรือ npm run ita -- roles bindcode --agency <id>) แล้วพิมพ์ "ผูกกลุ่ม <รหัส>" ในกลุ่ม',
    '  3. ตรวจการตั้งค่า (เวลาทำการ วันหยุด เรื่องร้องเรียน): npm run ita -- settings list หรือในมินิแอป: เครื่องมือ → การตั้งค่าและวันหยุด',
  );
  return lines;
}
