// A fiscal year's framework as a JSON file (the NACC's manual entered by a coordinator): validated with every
// problem named in Thai, stored in `frameworks`, and used for that year at once in place of the built-in one.
import { z } from 'zod';
import { frameworkFor, INDICATOR_IDS, INSTRUMENTS, instrumentOf } from '../../../core/index.ts';
import type { Framework, IndicatorId, Instrument } from '../../../core/types.ts';
import type { Db } from '../../../db/db.ts';
import { iso } from '../../../db/json.ts';
import { buildAudit } from '../../../db/queries/audit-log.ts';

const grade = { confirmed: z.boolean({ message: 'ต้องระบุ confirmed: true หรือ false (ยืนยันแล้วหรือไม่)' }) };
const source = z.string({ message: 'ต้องระบุแหล่งที่มา (source)' }).trim().min(1, 'ต้องระบุแหล่งที่มา (source)');
const instrument = z.enum(['IIT', 'EIT', 'OIT'], { message: 'แบบวัดต้องเป็น IIT, EIT หรือ OIT' });
const indicatorId = z
  .number()
  .int()
  .refine((n) => INDICATOR_IDS.includes(n as IndicatorId), 'ตัวชี้วัดต้องเป็นเลข 1–10');

const FrameworkFile = z.object({
  id: z.string().trim().min(1, 'ต้องมีรหัสกรอบ (id)').max(60),
  year: z.number({ message: 'ต้องระบุปีงบประมาณ (year)' }).int().min(2562).max(2700),
  source,
  confirmed: z.boolean({ message: 'ต้องระบุ confirmed: true หรือ false' }),
  weights: z.record(instrument, z.number().min(0).max(1)),
  indicators: z
    .array(
      z.object({
        id: indicatorId,
        name: z.string().trim().min(1),
        instrument,
        /** Item codes whose mean is the indicator; empty: scored whole. */
        items: z.array(z.string()).default([]),
      }),
    )
    .min(1),
  items: z.array(
    z.object({
      code: z.string().regex(/^[ieo]\d{1,3}$/, 'รหัสข้อต้องเป็นแบบ i1, e3, o19'),
      title: z.string().trim().min(1),
      indicator: indicatorId,
      topic: z.number().int().min(1).max(7).optional(),
      ...grade,
      source: source.optional(),
    }),
  ),
  levels: z
    .array(
      z.object({
        code: z.string().trim().min(1),
        label: z.string().trim().min(1),
        minTotal: z.number().min(0).max(100),
        minEachInstrument: z.number().min(0).max(100).optional(),
        ...grade,
        source,
      }),
    )
    .min(1),
  eitMinSample: z
    .array(z.object({ group: z.string().min(1), min: z.number().int().min(1), ...grade, source }))
    .optional(),
  documents: z
    .object({
      complaintStats: z.string().optional(),
      analysis: z.string().optional(),
      measureResults: z.string().optional(),
    })
    .optional(),
});

export type FrameworkFileData = z.infer<typeof FrameworkFile>;

export type FrameworkCheck = { ok: true; framework: Framework } | { ok: false; errors: string[] };

/** Parses and checks a framework file; every problem at once, in Thai. */
export function checkFrameworkFile(text: string): FrameworkCheck {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: ['ไฟล์กรอบการประเมินต้องเป็น JSON ที่ถูกต้อง'] };
  }
  const parsed = FrameworkFile.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
      ),
    };
  }
  return frameworkOfFile(parsed.data);
}

/** The checked file as a core Framework, with the cross-checks zod cannot express. */
export function frameworkOfFile(f: FrameworkFileData): FrameworkCheck {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const item of f.items) {
    if (codes.has(item.code)) errors.push(`ข้อ ${item.code} ซ้ำ`);
    codes.add(item.code);
  }
  const ids = f.indicators.map((i) => i.id);
  for (const ind of f.indicators) {
    if (instrumentOf(ind.id as IndicatorId) !== ind.instrument)
      errors.push(`ตัวชี้วัดที่ ${ind.id} ต้องอยู่ในแบบวัด ${instrumentOf(ind.id as IndicatorId)}`);
    for (const code of ind.items) {
      const item = f.items.find((i) => i.code === code);
      if (item === undefined) errors.push(`ตัวชี้วัดที่ ${ind.id} อ้างถึงข้อ ${code} ที่ไม่มีในรายการข้อ`);
      else if (item.indicator !== ind.id)
        errors.push(`ข้อ ${code} อยู่ในตัวชี้วัดที่ ${item.indicator} ไม่ใช่ ${ind.id}`);
    }
  }
  for (const item of f.items)
    if (!ids.includes(item.indicator))
      errors.push(`ข้อ ${item.code} อยู่ในตัวชี้วัดที่ ${item.indicator} ซึ่งไม่มีในกรอบ`);
  const instruments = INSTRUMENTS.filter((i) => f.indicators.some((ind) => ind.instrument === i));
  const sum = instruments.reduce((n, i) => n + (f.weights[i] ?? 0), 0);
  if (Math.abs(sum - 1) > 1e-9) errors.push(`น้ำหนักของแบบวัดต้องรวมกันได้ 1 (ได้ ${sum})`);
  const last = f.levels[f.levels.length - 1];
  if (last !== undefined && last.minTotal !== 0)
    errors.push('ระดับสุดท้ายต้องมี minTotal เป็น 0 เพื่อให้ทุกคะแนนได้ระดับ');
  for (let i = 1; i < f.levels.length; i++)
    if ((f.levels[i]?.minTotal ?? 0) > (f.levels[i - 1]?.minTotal ?? 0))
      errors.push('ระดับต้องเรียงจากสูงไปต่ำ (minTotal ไม่เพิ่มขึ้น)');
  for (const [key, code] of Object.entries(f.documents ?? {}))
    if (code !== undefined && !codes.has(code)) errors.push(`documents.${key}: ไม่มีข้อ ${code} ในรายการข้อ`);
  if (errors.length > 0) return { ok: false, errors };
  const weights: Record<Instrument, number> = {
    IIT: f.weights.IIT ?? 0,
    EIT: f.weights.EIT ?? 0,
    OIT: f.weights.OIT ?? 0,
  };
  const framework: Framework = {
    id: f.id,
    fromYear: f.year,
    toYear: f.year,
    instruments,
    weights,
    indicators: f.indicators.map((ind) => ({
      id: ind.id as IndicatorId,
      name: ind.name,
      instrument: ind.instrument,
      items: ind.items,
    })),
    items: f.items.map((item) => ({
      code: item.code,
      title: item.title,
      indicator: item.indicator as IndicatorId,
      confirmed: item.confirmed,
      ...(item.source === undefined ? {} : { source: item.source }),
    })),
    topicOf: Object.fromEntries(
      f.items.flatMap((item) => (item.topic === undefined ? [] : [[item.code, item.topic as 1]])),
    ),
    levels: f.levels.map((l) => ({ ...l })),
    confirmed: f.confirmed && f.items.every((i) => i.confirmed),
    source: f.source,
    ...(f.documents === undefined ? {} : { documents: f.documents }),
    ...(f.eitMinSample === undefined ? {} : { eitMinSample: f.eitMinSample }),
  };
  return { ok: true, framework };
}

/** A core Framework written back as a file (framework show --json, and a start for next year's file). */
export function fileOfFramework(framework: Framework, year: number): FrameworkFileData {
  return {
    id: framework.id,
    year,
    source: framework.source ?? 'ita-line built-in',
    confirmed: framework.confirmed !== false && year <= framework.toYear,
    weights: { ...framework.weights },
    indicators: framework.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      instrument: i.instrument,
      items: [...i.items],
    })),
    items: framework.items.map((i) => ({
      code: i.code,
      title: i.title,
      indicator: i.indicator,
      ...(framework.topicOf[i.code] === undefined ? {} : { topic: framework.topicOf[i.code] }),
      confirmed: i.confirmed,
      ...(i.source === undefined ? {} : { source: i.source }),
    })),
    levels: framework.levels.map((l) => ({ ...l })),
    ...(framework.eitMinSample === undefined
      ? {}
      : { eitMinSample: framework.eitMinSample.map((r) => ({ ...r })) }),
    ...(framework.documents === undefined ? {} : { documents: { ...framework.documents } }),
  };
}

/** The framework a coordinator stored for `year`, if any and still valid. */
export async function storedFramework(db: Db, year: number): Promise<Framework | undefined> {
  const row = await db.kysely
    .selectFrom('frameworks')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const check = checkFrameworkFile(row.json);
  return check.ok ? check.framework : undefined;
}

/** The framework of a year: a coordinator's stored one first, else the built-in (or assumed) one. */
export async function frameworkForYear(db: Db, year: number): Promise<Framework | undefined> {
  return (await storedFramework(db, year)) ?? frameworkFor(year);
}

/**
 * A lookup of the year's framework — a coordinator's stored one first, else the built-in one — read once, for
 * code that checks many rows at once (a results import) and cannot wait on the database per row.
 */
export async function frameworkLookup(db: Db): Promise<(year: number) => Framework | undefined> {
  const stored = new Map<number, Framework>();
  for (const year of await listStoredFrameworkYears(db)) {
    const framework = await storedFramework(db, year);
    if (framework !== undefined) stored.set(year, framework);
  }
  return (year) => stored.get(year) ?? frameworkFor(year);
}

export async function listStoredFrameworkYears(db: Db): Promise<number[]> {
  const rows = await db.kysely.selectFrom('frameworks').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** Stores a checked file for its year (replacing any), with an audit entry, in one batch. */
export async function storeFramework(db: Db, text: string, framework: Framework, by: string, now: Date) {
  await db.batch([
    db.kysely.deleteFrom('frameworks').where('year', '=', framework.fromYear),
    db.kysely
      .insertInto('frameworks')
      .values({ year: framework.fromYear, json: text, source_by: by, recorded_at: iso(now) }),
    buildAudit(
      db,
      {
        actor: by,
        action: 'framework.import',
        subjectType: 'framework',
        subjectId: String(framework.fromYear),
        detail: { id: framework.id, items: framework.items.length, confirmed: framework.confirmed !== false },
      },
      now,
    ),
  ]);
}
