// The one definition of a weakness: items, indicators and instruments below the threshold (85), and why the
// level is what it is. The score card, the analysis report and the bot all read it, so they never disagree.
import { INDICATOR_NAMES, INSTRUMENT_NAMES, instrumentOf } from './frameworks/common.ts';
import { formatScore, round2 } from './round.ts';
import { WEAK_ITEM_THRESHOLD } from './score.ts';
import type {
  Framework,
  IndicatorId,
  Instrument,
  ItemDef,
  LevelRule,
  ScoreResult,
  WeakItem,
} from './types.ts';

export interface WeakInstrument {
  instrument: Instrument;
  name: string;
  score: number;
}

export interface WeakIndicator {
  id: IndicatorId;
  name: string;
  instrument: Instrument;
  score: number;
}

export interface Weakness {
  threshold: number;
  /** Instruments whose (published or computed) score is below the threshold, in framework order. */
  instruments: WeakInstrument[];
  /** Indicators below the threshold, in order. */
  indicators: WeakIndicator[];
  /** Items below the threshold, lowest first (score()'s weakItems). */
  items: WeakItem[];
  /** Why the level is what it is, in one Thai sentence; undefined without a level. */
  levelReason?: string;
  /** Nothing is below the threshold at any level that is on record. */
  none: boolean;
}

/** A score counts at the 2-decimal figure that is published (as the level rules compare it). */
const below = (score: number, threshold: number) => round2(score) < threshold;

/** A title the framework had to make up ("ข้อ i5 (ตัวชี้วัดที่ …)") names no real question. */
export function hasKnownTitle(item: Pick<ItemDef, 'code' | 'title'>): boolean {
  return !item.title.startsWith(`ข้อ ${item.code} `) && item.title !== `ข้อ ${item.code}`;
}

/** The words to show beside an item's code: its question, or its indicator's name when the wording is unknown. */
export function itemDisplayTitle(item: Pick<ItemDef, 'code' | 'title' | 'indicator'>): string {
  return hasKnownTitle(item) ? item.title : `ตัวชี้วัดที่ ${item.indicator} ${INDICATOR_NAMES[item.indicator]}`;
}

function ruleText(rule: LevelRule): string {
  const each = rule.minEachInstrument === undefined ? '' : ` และทุกแบบวัดได้ไม่ต่ำกว่า ${rule.minEachInstrument}`;
  return rule.minTotal <= 0 ? 'คะแนนรวมต่ำกว่าเกณฑ์ข้างต้น' : `คะแนนรวมไม่ต่ำกว่า ${rule.minTotal}${each}`;
}

/** The level scheme in Thai, one line per level ("ผ่านดีเยี่ยม: คะแนนรวมไม่ต่ำกว่า 95 และทุกแบบวัด…"), unconfirmed ones marked. */
export function levelCriteria(framework: Framework): string[] {
  return framework.levels.map(
    (rule) => `${rule.label}: ${ruleText(rule)}${rule.confirmed ? '' : ' (เกณฑ์ยังไม่ยืนยัน)'}`,
  );
}

function instrumentScoresText(result: ScoreResult, framework: Framework, floor: number): string[] {
  const low = framework.instruments.flatMap((instrument) => {
    const value = result.instruments[instrument];
    return value !== undefined && below(value, floor) ? [`${instrument} ได้ ${formatScore(value)}`] : [];
  });
  const { part1, part2 } = result.eitParts ?? {};
  if (part1 !== undefined && below(part1, floor)) low.push(`EIT ส่วนที่ 1 ได้ ${formatScore(part1)}`);
  if (part2 !== undefined && below(part2, floor)) low.push(`EIT ส่วนที่ 2 ได้ ${formatScore(part2)}`);
  return low;
}

/** "คะแนนรวม 91.98 ถึงเกณฑ์ระดับผ่าน แต่ไม่ถึงระดับผ่านดี เพราะ EIT ได้ 84.60 ต่ำกว่า 85" */
export function levelReason(result: ScoreResult, framework: Framework): string | undefined {
  if (result.level === undefined || result.total === undefined) return undefined;
  const total = formatScore(result.total);
  const index = framework.levels.findIndex((rule) => rule.code === result.level?.code);
  const rule = framework.levels[index];
  if (rule === undefined) return `ระดับ${result.level.label} ตามผลที่ประกาศ คะแนนรวม ${total}`;
  const reached = `คะแนนรวม ${total} ได้ระดับ${rule.label} (${ruleText(rule)})`;
  const higher = framework.levels[index - 1];
  if (higher === undefined) return reached;
  const why: string[] = [];
  if (round2(result.total) < higher.minTotal) why.push(`คะแนนรวมต่ำกว่า ${higher.minTotal}`);
  if (higher.minEachInstrument !== undefined) {
    const low = instrumentScoresText(result, framework, higher.minEachInstrument);
    if (low.length > 0) why.push(`${low.join(', ')} ต่ำกว่า ${higher.minEachInstrument}`);
  }
  // Nothing on record explains it (a published level, EIT parts not given): the level is stated as it is.
  return why.length === 0 ? reached : `${reached} แต่ไม่ถึงระดับ${higher.label} เพราะ${why.join(' และ')}`;
}

/**
 * Everything below the threshold in one result: instruments and indicators as scored (published figures
 * where they exist), items lowest first, and the level's reason.
 */
export function weaknessOf(
  result: ScoreResult,
  framework: Framework,
  threshold: number = WEAK_ITEM_THRESHOLD,
): Weakness {
  const instruments: WeakInstrument[] = framework.instruments.flatMap((instrument) => {
    const value = result.instruments[instrument];
    return value !== undefined && below(value, threshold)
      ? [{ instrument, name: INSTRUMENT_NAMES[instrument], score: value }]
      : [];
  });
  const indicators: WeakIndicator[] = framework.indicators.flatMap((def) => {
    const value = result.indicators[def.id];
    return value !== undefined && below(value, threshold)
      ? [{ id: def.id, name: def.name, instrument: instrumentOf(def.id), score: value }]
      : [];
  });
  const items = result.weakItems.filter((item) => item.score < threshold);
  const weakness: Weakness = {
    threshold,
    instruments,
    indicators,
    items,
    none: instruments.length === 0 && indicators.length === 0 && items.length === 0,
  };
  const reason = levelReason(result, framework);
  if (reason !== undefined) weakness.levelReason = reason;
  return weakness;
}

/** "EIT (84.60) และตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน (84.53)": the weak instruments and indicators by name. */
export function describeWeakParts(weakness: Weakness): string[] {
  return [
    ...weakness.instruments.map((w) => `${w.name} (${w.instrument}) ${formatScore(w.score)} คะแนน`),
    ...weakness.indicators.map((w) => `ตัวชี้วัดที่ ${w.id} ${w.name} ${formatScore(w.score)} คะแนน`),
  ];
}
