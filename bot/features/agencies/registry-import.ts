// The province's own agency list (issue 14 §1): a CSV or Excel file with Thai or English headers, checked row by
// row (every bad cell named by line and column), compared with what is on record (added, renamed, moved, changed,
// unchanged) and, when asked, written in one batch with an audit entry. Used by `ita agencies import` and by
// the mini-app's coordinator tools (/api/agency-registry), so a Workers deployment needs no SQL console.
import { toArabicDigits } from '../../../core/thai/digits.ts';
import type { Db } from '../../../db/db.ts';
import { iso } from '../../../db/json.ts';
import { buildAudit } from '../../../db/queries/audit-log.ts';
import type { AgencyType } from '../../../db/schema.ts';
import { HOME_PROVINCE_SETTING } from '../../line/chat/who.ts';
import { AGENCY_TYPES, agencyTypeLabel } from '../scores/agency-types.ts';
import { readTable } from './tabular.ts';

export type RegistryField =
  | 'province'
  | 'provinceName'
  | 'id'
  | 'nameTh'
  | 'shortName'
  | 'type'
  | 'district'
  | 'parentId'
  | 'staffCount'
  | 'itasCode';

/** The template's columns, in order: the Thai header is what the template writes; the others are accepted too. */
export const REGISTRY_COLUMNS: readonly {
  field: RegistryField;
  th: string;
  aliases: readonly string[];
  required: boolean;
}[] = [
  { field: 'province', th: 'รหัสจังหวัด', aliases: ['จังหวัด', 'province', 'province_id'], required: true },
  { field: 'provinceName', th: 'ชื่อจังหวัด', aliases: ['province_name', 'province_name_th'], required: false },
  { field: 'id', th: 'รหัสหน่วยงาน', aliases: ['agency_id', 'id'], required: true },
  { field: 'nameTh', th: 'ชื่อหน่วยงาน', aliases: ['ชื่อ', 'name_th', 'name'], required: true },
  { field: 'shortName', th: 'ชื่อย่อ', aliases: ['short_name'], required: false },
  { field: 'type', th: 'ประเภท', aliases: ['ประเภทหน่วยงาน', 'type'], required: true },
  { field: 'district', th: 'อำเภอ', aliases: ['district'], required: false },
  { field: 'parentId', th: 'หน่วยงานต้นสังกัด', aliases: ['สังกัด', 'parent', 'parent_id'], required: false },
  { field: 'staffCount', th: 'จำนวนบุคลากร', aliases: ['บุคลากร', 'staff', 'staff_count'], required: false },
  { field: 'itasCode', th: 'รหัส ITAS', aliases: ['itas', 'itas_code'], required: false },
];

const fold = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_.]+/g, '');

const TYPE_WORDS: Readonly<Record<string, AgencyType>> = Object.fromEntries([
  ...AGENCY_TYPES.map((t) => [fold(t), t] as const),
  ...AGENCY_TYPES.map((t) => [fold(agencyTypeLabel(t)), t] as const),
  ...(
    [
      ['สำนักงานจังหวัด', 'provincial_office'],
      ['ส่วนราชการส่วนภูมิภาค', 'line_agency'],
      ['อำเภอ', 'district'],
      ['องค์การบริหารส่วนจังหวัด', 'pao'],
      ['อบจ', 'pao'],
      ['เทศบาลนคร', 'municipality'],
      ['เทศบาลเมือง', 'municipality'],
      ['เทศบาลตำบล', 'municipality'],
      ['องค์การบริหารส่วนตำบล', 'sao'],
      ['อบต', 'sao'],
      ['อื่นๆ', 'other'],
      ['อื่น', 'other'],
    ] as const
  ).map(([word, type]) => [fold(word), type] as const),
]);

export interface RegistryRow {
  line: number;
  provinceId: string;
  provinceName: string | null;
  id: string;
  nameTh: string;
  shortName: string | null;
  type: AgencyType;
  district: string | null;
  parentId: string | null;
  staffCount: number | null;
  itasCode: string | null;
}

export interface RegistryIssue {
  line: number;
  /** The column as the file names it (or the template's Thai header when the column is missing). */
  column: string;
  message: string;
}

export type ChangeKind = 'added' | 'renamed' | 'moved' | 'changed' | 'unchanged';

export interface RegistryChange {
  kind: ChangeKind;
  id: string;
  nameTh: string;
  /** For renamed and moved: what it was. */
  before?: string;
  after?: string;
}

export interface RegistryPlan {
  rows: RegistryRow[];
  changes: RegistryChange[];
  counts: Record<ChangeKind, number>;
  /** Provinces the file names that are not on record yet (created by the import; need ชื่อจังหวัด). */
  newProvinces: { id: string; nameTh: string }[];
}

export type RegistryCheck =
  | { ok: true; plan: RegistryPlan }
  | { ok: false; issues: RegistryIssue[]; message?: string };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PROVINCE_ID = /^[a-z][a-z0-9-]{1,62}$/;

interface Existing {
  provinces: Map<string, string>;
  agencies: Map<
    string,
    {
      province_id: string;
      name_th: string;
      short_name: string | null;
      type: AgencyType;
      district: string | null;
      parent_id: string | null;
      staff_count: number | null;
      itas_code: string | null;
    }
  >;
}

async function loadExisting(db: Db): Promise<Existing> {
  const provinces = await db.kysely.selectFrom('provinces').select(['id', 'name_th']).execute();
  const agencies = await db.kysely
    .selectFrom('agencies')
    .select([
      'id',
      'province_id',
      'name_th',
      'short_name',
      'type',
      'district',
      'parent_id',
      'staff_count',
      'itas_code',
    ])
    .execute();
  return {
    provinces: new Map(provinces.map((p) => [p.id, p.name_th])),
    agencies: new Map(agencies.map((a) => [a.id, a])),
  };
}

/** Maps each header to a field; unknown headers are errors (a typo would otherwise drop a column silently). */
function mapHeader(header: readonly string[]): {
  columns: (RegistryField | undefined)[];
  issues: RegistryIssue[];
} {
  const issues: RegistryIssue[] = [];
  const seen = new Set<RegistryField>();
  const columns = header.map((name) => {
    const folded = fold(name);
    if (folded === '') return undefined;
    const column = REGISTRY_COLUMNS.find(
      (c) => fold(c.th) === folded || c.aliases.some((a) => fold(a) === folded),
    );
    if (column === undefined) {
      issues.push({
        line: 1,
        column: name,
        message: `ไม่รู้จักหัวคอลัมน์ "${name}" (ใช้หัวตามแบบฟอร์ม: ${REGISTRY_COLUMNS.map((c) => c.th).join(', ')})`,
      });
      return undefined;
    }
    if (seen.has(column.field)) issues.push({ line: 1, column: name, message: `คอลัมน์ "${name}" ซ้ำ` });
    seen.add(column.field);
    return column.field;
  });
  for (const c of REGISTRY_COLUMNS)
    if (c.required && !seen.has(c.field))
      issues.push({ line: 1, column: c.th, message: `ไม่มีคอลัมน์ "${c.th}" ซึ่งต้องมี` });
  return { columns, issues };
}

/** Reads and checks a file against the database; nothing is written. */
export async function checkRegistryFile(db: Db, fileName: string, bytes: Uint8Array): Promise<RegistryCheck> {
  const read = readTable(fileName, bytes);
  if (!read.ok) return { ok: false, issues: [], message: read.message };
  const { header, rows } = read.table;
  const { columns, issues } = mapHeader(header);
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length === 0) return { ok: false, issues: [], message: 'ไฟล์มีแต่หัวตาราง ยังไม่มีรายชื่อหน่วยงาน' };
  const headerOf = (field: RegistryField) =>
    header[columns.indexOf(field)] ?? REGISTRY_COLUMNS.find((c) => c.field === field)?.th ?? field;
  const existing = await loadExisting(db);
  const parsed: RegistryRow[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of rows) {
    const cell = (field: RegistryField) => {
      const i = columns.indexOf(field);
      return i < 0 ? '' : (row.cells[i] ?? '').trim();
    };
    const bad = (field: RegistryField, message: string) =>
      issues.push({ line: row.line, column: headerOf(field), message });
    const provinceId = cell('province').toLowerCase();
    if (!PROVINCE_ID.test(provinceId)) bad('province', 'รหัสจังหวัดต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - เช่น tak');
    const id = cell('id').toLowerCase();
    if (!ID.test(id)) bad('id', 'รหัสหน่วยงานต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - (ไม่เกิน 80 ตัว) เช่น tak-pao');
    else if (lineOfId.has(id)) bad('id', `รหัสหน่วยงาน "${id}" ซ้ำกับบรรทัด ${lineOfId.get(id)}`);
    else lineOfId.set(id, row.line);
    const nameTh = cell('nameTh');
    if (nameTh === '') bad('nameTh', 'ต้องมีชื่อหน่วยงาน');
    else if (nameTh.length > 200) bad('nameTh', 'ชื่อหน่วยงานยาวเกิน 200 ตัวอักษร');
    const shortName = cell('shortName');
    if (shortName.length > 60) bad('shortName', 'ชื่อย่อยาวเกิน 60 ตัวอักษร');
    const typeText = cell('type');
    const type = TYPE_WORDS[fold(typeText)];
    if (type === undefined)
      bad('type', `ประเภท "${typeText}" ไม่รู้จัก (ใช้: ${AGENCY_TYPES.map(agencyTypeLabel).join(', ')})`);
    const district = cell('district');
    if (district.length > 100) bad('district', 'ชื่ออำเภอยาวเกิน 100 ตัวอักษร');
    const parentId = cell('parentId').toLowerCase();
    if (parentId !== '' && !ID.test(parentId)) bad('parentId', 'รหัสหน่วยงานต้นสังกัดไม่ถูกรูปแบบ');
    const staffText = toArabicDigits(cell('staffCount')).replaceAll(',', '');
    const staffCount = staffText === '' ? null : Number(staffText);
    if (staffCount !== null && (!/^\d{1,7}$/.test(staffText) || !Number.isSafeInteger(staffCount)))
      bad('staffCount', 'จำนวนบุคลากรต้องเป็นจำนวนเต็มไม่ติดลบ');
    const itasCode = cell('itasCode');
    if (itasCode.length > 50) bad('itasCode', 'รหัส ITAS ยาวเกิน 50 ตัวอักษร');
    const provinceName = cell('provinceName');
    if (provinceName !== '' && !/^[\u0E00-\u0E7F ]{2,60}$/.test(provinceName))
      bad('provinceName', 'ชื่อจังหวัดต้องเป็นภาษาไทย เช่น ตาก');
    if (type === undefined) continue;
    parsed.push({
      line: row.line,
      provinceId,
      provinceName: provinceName === '' ? null : provinceName,
      id,
      nameTh,
      shortName: shortName === '' ? null : shortName,
      type,
      district: district === '' ? null : district,
      parentId: parentId === '' ? null : parentId,
      staffCount,
      itasCode: itasCode === '' ? null : itasCode,
    });
  }
  // Checks across rows: provinces known or named, parents in the file or on record (same province), no cycles.
  const newProvinces = new Map<string, string>();
  const inFile = new Map(parsed.map((r) => [r.id, r]));
  for (const r of parsed) {
    const at = (field: RegistryField, message: string) =>
      issues.push({ line: r.line, column: headerOf(field), message });
    if (!existing.provinces.has(r.provinceId)) {
      if (r.provinceName === null)
        at('province', `ยังไม่มีจังหวัด "${r.provinceId}" ในระบบ: ใส่ชื่อจังหวัดในคอลัมน์ "ชื่อจังหวัด" เพื่อสร้าง`);
      else if ((newProvinces.get(r.provinceId) ?? r.provinceName) !== r.provinceName)
        at('provinceName', `ชื่อจังหวัด "${r.provinceId}" ไม่ตรงกับบรรทัดก่อนหน้า`);
      else newProvinces.set(r.provinceId, r.provinceName);
    }
    const before = existing.agencies.get(r.id);
    if (before !== undefined && before.province_id !== r.provinceId)
      at('province', `หน่วยงาน "${r.id}" อยู่ในจังหวัด "${before.province_id}" แล้ว ย้ายจังหวัดไม่ได้`);
    if (r.parentId !== null) {
      const parent = inFile.get(r.parentId) ?? existing.agencies.get(r.parentId);
      const parentProvince =
        parent === undefined ? undefined : 'provinceId' in parent ? parent.provinceId : parent.province_id;
      if (parent === undefined) at('parentId', `ไม่พบหน่วยงานต้นสังกัด "${r.parentId}" ทั้งในไฟล์และในระบบ`);
      else if (parentProvince !== r.provinceId) at('parentId', 'หน่วยงานต้นสังกัดต้องอยู่ในจังหวัดเดียวกัน');
      else if (r.parentId === r.id) at('parentId', 'หน่วยงานเป็นต้นสังกัดของตัวเองไม่ได้');
      else {
        // Walk up: the file's parents first, then the database's; a loop back to this row is a cycle.
        const seen = new Set([r.id]);
        let up: string | null = r.parentId;
        while (up !== null && !seen.has(up)) {
          seen.add(up);
          up = inFile.get(up)?.parentId ?? existing.agencies.get(up)?.parent_id ?? null;
        }
        if (up !== null) at('parentId', 'ต้นสังกัดวนกลับมาที่หน่วยงานนี้');
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
  const changes = parsed.map((r): RegistryChange => {
    const before = existing.agencies.get(r.id);
    if (before === undefined) return { kind: 'added', id: r.id, nameTh: r.nameTh };
    if (before.name_th !== r.nameTh || before.short_name !== r.shortName)
      return { kind: 'renamed', id: r.id, nameTh: r.nameTh, before: before.name_th, after: r.nameTh };
    if (before.parent_id !== r.parentId || before.district !== r.district)
      return {
        kind: 'moved',
        id: r.id,
        nameTh: r.nameTh,
        before: [before.district ?? '-', before.parent_id ?? '-'].join(' / '),
        after: [r.district ?? '-', r.parentId ?? '-'].join(' / '),
      };
    if (before.type !== r.type || before.staff_count !== r.staffCount || before.itas_code !== r.itasCode)
      return { kind: 'changed', id: r.id, nameTh: r.nameTh };
    return { kind: 'unchanged', id: r.id, nameTh: r.nameTh };
  });
  const counts: Record<ChangeKind, number> = { added: 0, renamed: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return {
    ok: true,
    plan: {
      rows: parsed,
      changes,
      counts,
      newProvinces: [...newProvinces].map(([id, nameTh]) => ({ id, nameTh })),
    },
  };
}

/** Rows with parents before their children, so each statement satisfies parent_id's foreign key. */
function parentsFirst(rows: readonly RegistryRow[]): RegistryRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placed = new Set<string>();
  const ordered: RegistryRow[] = [];
  const place = (r: RegistryRow) => {
    if (placed.has(r.id)) return;
    placed.add(r.id);
    const parent = r.parentId === null ? undefined : byId.get(r.parentId);
    if (parent !== undefined) place(parent);
    ordered.push(r);
  };
  for (const r of rows) place(r);
  return ordered;
}

/**
 * Writes a checked plan in one batch (one transaction on SQLite, one D1 batch): new provinces, every agency as an
 * upsert, the home province when there was none, and an audit entry with the counts. Agencies not in the file
 * are left as they are.
 */
export async function applyRegistryPlan(db: Db, plan: RegistryPlan, actor: string, now: Date): Promise<void> {
  const at = iso(now);
  const hasHome =
    (await db.kysely
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', HOME_PROVINCE_SETTING)
      .executeTakeFirst()) !== undefined;
  const provinceInserts = plan.newProvinces.map((p) =>
    db.kysely.insertInto('provinces').values({ id: p.id, name_th: p.nameTh, name_en: null, created_at: at }),
  );
  const home = plan.newProvinces[0] ?? (hasHome ? undefined : { id: plan.rows[0]?.provinceId ?? '' });
  const homeInsert =
    hasHome || home === undefined || home.id === ''
      ? []
      : [
          db.kysely
            .insertInto('app_settings')
            .values({
              key: HOME_PROVINCE_SETTING,
              value: JSON.stringify(home.id),
              updated_by: actor,
              updated_at: at,
            })
            .onConflict((oc) => oc.column('key').doNothing()),
        ];
  const agencyUpserts = parentsFirst(plan.rows).map((r) => {
    const fields = {
      province_id: r.provinceId,
      name_th: r.nameTh,
      short_name: r.shortName,
      type: r.type,
      district: r.district,
      parent_id: r.parentId,
      staff_count: r.staffCount,
      itas_code: r.itasCode,
      updated_at: at,
    };
    return db.kysely
      .insertInto('agencies')
      .values({ id: r.id, ...fields, created_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet(fields));
  });
  await db.batch([
    ...provinceInserts,
    ...agencyUpserts,
    ...homeInsert,
    buildAudit(
      db,
      {
        actor,
        action: 'agencies.import',
        subjectType: 'province',
        subjectId: plan.rows[0]?.provinceId ?? null,
        detail: { ...plan.counts, newProvinces: plan.newProvinces.map((p) => p.id) },
      },
      now,
    ),
  ]);
}

/** The template: header and two example rows (a PAO and a municipality under it is not implied: both top level). */
export function registryTemplateRows(provinceId = 'tak', provinceName = 'ตาก'): string[][] {
  return [
    REGISTRY_COLUMNS.map((c) => c.th),
    [
      provinceId,
      provinceName,
      `${provinceId}-office`,
      `สำนักงานจังหวัด${provinceName}`,
      `สนจ.${provinceName}`,
      'สำนักงานจังหวัด',
      `เมือง${provinceName}`,
      '',
      '45',
      '',
    ],
    [
      provinceId,
      provinceName,
      `${provinceId}-pao`,
      `องค์การบริหารส่วนจังหวัด${provinceName}`,
      `อบจ.${provinceName}`,
      'อบจ.',
      `เมือง${provinceName}`,
      '',
      '320',
      '',
    ],
  ];
}

export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  added: 'เพิ่มใหม่',
  renamed: 'เปลี่ยนชื่อ',
  moved: 'ย้ายอำเภอหรือต้นสังกัด',
  changed: 'แก้ไขข้อมูลอื่น',
  unchanged: 'ไม่เปลี่ยนแปลง',
};
