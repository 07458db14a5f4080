// Checks a ScoreInput against its year's framework; every problem becomes a Thai InputError, never a throw.
import { INDICATOR_IDS, INSTRUMENTS } from './frameworks/common.ts';
import { type FrameworkIndex, indexOf } from './frameworks/framework-index.ts';
import { FIRST_FISCAL_YEAR, frameworkFor } from './frameworks/registry.ts';
import type {
  EitParts,
  Framework,
  IndicatorId,
  InputError,
  Instrument,
  LevelRule,
  ScoreInput,
} from './types.ts';

export interface CheckedInput {
  framework: Framework;
  index: FrameworkIndex;
  fiscalYear: number;
  /**
   * Scores by position in framework.items; NaN where not given. A buffer reused by the next checkInput of the
   * same framework: read it before checking another input, never keep it.
   */
  items: number[];
  indicators: Partial<Record<IndicatorId, number>>;
  instruments: Partial<Record<Instrument, number>>;
  eitParts?: EitParts;
  published?: { total?: number; level?: LevelRule };
}

type Checked = { ok: true; input: CheckedInput } | { ok: false; errors: InputError[] };

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function isScore(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 100;
}

/** Pushes an error unless `value` is a finite score in 0–100; returns the score when it is. */
function checkScore(
  value: unknown,
  field: string,
  subject: string,
  errors: InputError[],
): number | undefined {
  if (isScore(value)) return value;
  const message =
    typeof value === 'number' && Number.isFinite(value)
      ? `คะแนนของ${subject}ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ ${value})`
      : `คะแนนของ${subject}ต้องเป็นตัวเลข (ได้รับ ${shown(value)})`;
  errors.push({ field, message });
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record under `field`, if any; anything but a plain object (an array, a number) is an error. */
function recordOf(value: unknown, field: string, errors: InputError[]): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isRecord(value)) return value;
  errors.push({ field, message: `${field} ต้องเป็นรายการ รหัส → คะแนน` });
  return undefined;
}

function checkYear(
  input: ScoreInput,
  override: Framework | undefined,
  errors: InputError[],
): Framework | undefined {
  const year: unknown = input.fiscalYear;
  if (year === undefined || year === null) {
    errors.push({ field: 'fiscalYear', message: 'ไม่ได้ระบุปีงบประมาณ (พ.ศ. เช่น 2567)' });
    return undefined;
  }
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    errors.push({ field: 'fiscalYear', message: `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567 (ได้รับ ${shown(year)})` });
    return undefined;
  }
  const framework = override ?? frameworkFor(year);
  if (framework === undefined) {
    // A Christian-era year (2024) is the usual slip: say which Buddhist year it means.
    const hint = year >= 1900 && year < 2100 ? ` — ถ้าหมายถึง ค.ศ. ${year} ให้ใช้ พ.ศ. ${year + 543}` : '';
    errors.push({
      field: 'fiscalYear',
      message: `ไม่มีกรอบการประเมิน ITA สำหรับปีงบประมาณ ${year} (รองรับตั้งแต่ปี ${FIRST_FISCAL_YEAR})${hint}`,
    });
  }
  return framework;
}

/**
 * The keys of the last items record read for a framework, in order, and where each landed: imports
 * and database rows give every agency the same keys in the same order, so comparing a key with the
 * one at the same place last time (the same string object, usually) is cheaper than hashing it.
 */
interface KeyCache {
  keys: string[];
  positions: number[];
  /**
   * The item scores of the input being checked, reused from one input to the next: score() reads them only while
   * it computes (nothing it returns holds them), and at 8,300 agencies not allocating them halves the GC's work.
   */
  scratch: number[];
}

const keyCaches = new WeakMap<Framework, KeyCache>();

/**
 * Item scores in an array by the item's position in the framework (NaN = not given): at 8,300
 * agencies a plain array of doubles is much cheaper than a Map of codes or a typed array.
 */
function checkItems(input: ScoreInput, framework: Framework, year: number, errors: InputError[]): number[] {
  const count = framework.items.length;
  let cache = keyCaches.get(framework);
  if (cache === undefined) {
    cache = { keys: [], positions: [], scratch: new Array<number>(count) };
    keyCaches.set(framework, cache);
  }
  const scores = cache.scratch;
  for (let n = 0; n < count; n++) scores[n] = Number.NaN;
  const record = recordOf(input.items, 'items', errors);
  if (record === undefined) return scores;
  const index = indexOf(framework).items;
  const { keys, positions } = cache;
  let at = 0;
  // for…in without an own-key check: V8 reads plain (JSON-made) objects this way 2–3× faster than
  // Object.keys, which counts at 8,300 agencies; plain objects inherit no enumerable keys.
  for (const key in record) {
    let position = keys[at] === key ? (positions[at] ?? -1) : -1;
    if (position < 0) {
      // Codes are usually written as the framework writes them: normalise only when they are not.
      const entry = index.get(key) ?? index.get(key.trim().toLowerCase());
      if (entry === undefined) {
        errors.push({ field: `items.${key}`, message: `รหัสข้อ "${key}" ไม่มีในกรอบการประเมินปี ${year}` });
        continue;
      }
      position = entry.position;
      keys[at] = key;
      positions[at] = position;
    }
    at++;
    if (!Number.isNaN(scores[position] ?? Number.NaN)) {
      const code = framework.items[position]?.code ?? key;
      errors.push({ field: `items.${key}`, message: `รหัสข้อ "${key}" ซ้ำกับรหัสอื่นที่เป็นข้อ ${code}` });
      continue;
    }
    const value = record[key];
    if (isScore(value)) scores[position] = value;
    else checkScore(value, `items.${key}`, `ข้อ ${framework.items[position]?.code ?? key} `, errors);
  }
  return scores;
}

const INDICATOR_BY_KEY = new Map<string, IndicatorId>(INDICATOR_IDS.map((id) => [String(id), id]));

function checkIndicators(
  input: ScoreInput,
  framework: Framework,
  errors: InputError[],
): Partial<Record<IndicatorId, number>> {
  const indicators: Partial<Record<IndicatorId, number>> = {};
  const record = recordOf(input.indicators, 'indicators', errors);
  if (record === undefined) return indicators;
  // Indicator keys are array-index-like ('9'): reading the framework's ids straight from the record is much
  // cheaper than for…in over index keys; any other key ('11', ' 9', 'x') is found by comparing the counts.
  let found = 0;
  for (const def of framework.indicators) {
    const value = record[def.id];
    if (value === undefined) continue;
    found++;
    if (isScore(value)) indicators[def.id] = value;
    else checkScore(value, `indicators.${def.id}`, `ตัวชี้วัดที่ ${def.id} `, errors);
  }
  // Counting the keys with for…in allocates nothing, unlike Object.keys: only a mismatch lists them.
  let count = 0;
  for (const _ in record) count++;
  if (count === found) return indicators;
  for (const key of Object.keys(record)) {
    const id = INDICATOR_BY_KEY.get(key);
    if (id !== undefined && indexOf(framework).indicatorItems.has(id)) continue;
    const trimmed = INDICATOR_BY_KEY.get(key.trim());
    if (trimmed !== undefined && indexOf(framework).indicatorItems.has(trimmed)) {
      const value = record[key];
      if (isScore(value)) indicators[trimmed] = value;
      else checkScore(value, `indicators.${key}`, `ตัวชี้วัดที่ ${trimmed} `, errors);
      continue;
    }
    errors.push({ field: `indicators.${key}`, message: `ไม่มีตัวชี้วัดที่ ${key} (ตัวชี้วัดมีที่ 1–10)` });
  }
  return indicators;
}

const NO_INSTRUMENTS: Partial<Record<Instrument, number>> = Object.freeze({});

function checkInstruments(
  input: ScoreInput,
  framework: Framework,
  errors: InputError[],
): Partial<Record<Instrument, number>> {
  const record = recordOf(input.instruments, 'instruments', errors);
  // Item sets (the common case) give no instrument scores: one shared, frozen empty record for them.
  if (record === undefined) return NO_INSTRUMENTS;
  const instruments: Partial<Record<Instrument, number>> = {};
  for (const key in record) {
    const value = record[key];
    const field = `instruments.${key}`;
    const instrument = INSTRUMENTS.find((name) => name === key.trim().toUpperCase());
    if (instrument === undefined || !framework.instruments.includes(instrument)) {
      errors.push({ field, message: `ไม่รู้จักเครื่องมือ "${key}" (มี ${framework.instruments.join(', ')})` });
      continue;
    }
    const score = checkScore(value, field, ` ${instrument} `, errors);
    if (score !== undefined) instruments[instrument] = score;
  }
  return instruments;
}

function checkEitParts(input: ScoreInput, errors: InputError[]): EitParts | undefined {
  const parts: EitParts = {};
  const record = recordOf(input.eitParts, 'eitParts', errors);
  if (record === undefined) return undefined;
  for (const key in record) {
    const value = record[key];
    const field = `eitParts.${key}`;
    if (key !== 'part1' && key !== 'part2') {
      errors.push({ field, message: `ไม่รู้จัก "${key}" (มี part1 และ part2 ของ EIT)` });
      continue;
    }
    const score = checkScore(value, field, ` EIT ส่วนที่ ${key.slice(-1)} `, errors);
    if (score !== undefined) parts[key] = score;
  }
  return parts.part1 === undefined && parts.part2 === undefined ? undefined : parts;
}

/** A level as published: a rule's code or label, spaces and case aside ("a" = "A", "ระดับ A (ผ่าน)"). */
export function findLevelRule(framework: Framework, text: string): LevelRule | undefined {
  const norm = (x: string) => x.replace(/\s+/g, '').replace(/^ระดับ/, '').toUpperCase();
  const wanted = norm(text);
  return framework.levels.find((rule) => norm(rule.code) === wanted || norm(rule.label) === wanted);
}

function checkPublished(
  input: ScoreInput,
  framework: Framework,
  errors: InputError[],
): CheckedInput['published'] {
  const given = input.published;
  if (given === undefined) return undefined;
  const out: NonNullable<CheckedInput['published']> = {};
  if (given.total !== undefined) {
    const total = checkScore(given.total, 'published.total', 'คะแนนรวม', errors);
    if (total !== undefined) out.total = total;
  }
  if (given.level !== undefined && given.level.trim() !== '') {
    const rule = findLevelRule(framework, given.level);
    if (rule === undefined) {
      const names = framework.levels.map((r) => r.code).join(', ');
      errors.push({
        field: 'published.level',
        message: `ไม่รู้จักระดับ "${given.level}" ของปีงบประมาณ ${framework.fromYear} ขึ้นไป (มี ${names})`,
      });
    } else out.level = rule;
  }
  return out;
}

/**
 * The error list and the success wrapper, reused from one input to the next (a failure returns a copy of the
 * errors): score() reads the wrapper at once and keeps neither, and at 8,300 agencies each object not made
 * is less work for the garbage collector.
 */
const errorScratch: InputError[] = [];
const passed: { ok: true; input: CheckedInput } = { ok: true, input: undefined as unknown as CheckedInput };

/**
 * All problems at once, so the person fixes the file in one go. A success is valid until the next call:
 * read it before checking another input, never keep it.
 */
export function checkInput(input: ScoreInput, framework?: Framework): Checked {
  const errors = errorScratch;
  errors.length = 0;
  const chosen = checkYear(input, framework, errors);
  const fiscalYear = input.fiscalYear;
  if (chosen === undefined || fiscalYear === undefined || errors.length > 0)
    return { ok: false, errors: errors.slice() };
  const checked: CheckedInput = {
    framework: chosen,
    index: indexOf(chosen),
    fiscalYear,
    items: checkItems(input, chosen, fiscalYear, errors),
    indicators: checkIndicators(input, chosen, errors),
    instruments: checkInstruments(input, chosen, errors),
  };
  const eitParts = checkEitParts(input, errors);
  if (eitParts !== undefined) checked.eitParts = eitParts;
  const published = checkPublished(input, chosen, errors);
  if (published !== undefined) checked.published = published;
  if (errors.length > 0) return { ok: false, errors: errors.slice() };
  passed.input = checked;
  return passed;
}
