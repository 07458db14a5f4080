// What every framework from FY2562 to FY2568 shares: instruments, the ten indicators, weights, builders.
import type { IndicatorDef, IndicatorId, Instrument, ItemCode, ItemDef, TopicId } from '../types.ts';

export const INSTRUMENTS: readonly Instrument[] = ['IIT', 'EIT', 'OIT'];

/** Thai names of the instruments [seed 001]. */
export const INSTRUMENT_NAMES: Readonly<Record<Instrument, string>> = {
  IIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
  EIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
  OIT: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ',
};

/** Weights IIT 30 / EIT 30 / OIT 40 [seed 001, 002; checked on FY2567 seed 003]. */
export const ITA_WEIGHTS: Readonly<Record<Instrument, number>> = { IIT: 0.3, EIT: 0.3, OIT: 0.4 };

export const INDICATOR_IDS: readonly IndicatorId[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Thai indicator names (DESIGN.md §3) and their instrument [seed 001]. */
export const INDICATOR_NAMES: Readonly<Record<IndicatorId, string>> = {
  1: 'การปฏิบัติหน้าที่',
  2: 'การใช้งบประมาณ',
  3: 'การใช้อำนาจ',
  4: 'การใช้ทรัพย์สินของราชการ',
  5: 'การแก้ไขปัญหาการทุจริต',
  6: 'คุณภาพการดำเนินงาน',
  7: 'ประสิทธิภาพการสื่อสาร',
  8: 'การปรับปรุงการทำงาน',
  9: 'การเปิดเผยข้อมูล',
  10: 'การป้องกันการทุจริต',
};

export function instrumentOf(indicator: IndicatorId): Instrument {
  if (indicator <= 5) return 'IIT';
  return indicator <= 8 ? 'EIT' : 'OIT';
}

/** 'i', 1, 3 → ['i1', 'i2', 'i3']. */
export function codeRange(prefix: string, from: number, to: number): ItemCode[] {
  const codes: ItemCode[] = [];
  for (let n = from; n <= to; n++) codes.push(`${prefix}${n}`);
  return codes;
}

/** A title for an item whose wording is not in the sources: says so rather than inventing one. */
export function genericTitle(code: ItemCode, indicator: IndicatorId): string {
  return `ข้อ ${code} (ตัวชี้วัดที่ ${indicator} ${INDICATOR_NAMES[indicator]})`;
}

export interface ItemGroup {
  indicator: IndicatorId;
  subIndicator?: string;
  /** One entry per item in code order; undefined when the wording is unknown. */
  titles: readonly (string | undefined)[];
  confirmed: boolean;
}

/** Numbers items `prefix1`, `prefix2`, … across the groups, in order. */
export function itemsOf(prefix: string, groups: readonly ItemGroup[]): ItemDef[] {
  const items: ItemDef[] = [];
  for (const group of groups) {
    for (const title of group.titles) {
      const code = `${prefix}${items.length + 1}`;
      const item: ItemDef = {
        code,
        title: title ?? genericTitle(code, group.indicator),
        indicator: group.indicator,
        confirmed: group.confirmed && title !== undefined,
      };
      if (group.subIndicator !== undefined) item.subIndicator = group.subIndicator;
      items.push(item);
    }
  }
  return items;
}

/**
 * The ten indicators. Indicators listed in `scoredWhole` are not computed from items (their items,
 * if any, are only reported, e.g. FY2562 OIT groups whose mean is not the published indicator).
 */
export function indicatorsOf(
  items: readonly ItemDef[],
  scoredWhole: readonly IndicatorId[] = [],
): IndicatorDef[] {
  return INDICATOR_IDS.map((id) => ({
    id,
    name: INDICATOR_NAMES[id],
    instrument: instrumentOf(id),
    items: scoredWhole.includes(id)
      ? []
      : items.filter((item) => item.indicator === id).map((item) => item.code),
  }));
}

/** [['i1', 'i6', 1], …] ranges (same prefix) → item → topic map. */
export function topicsOf(
  ranges: readonly (readonly [ItemCode, ItemCode, TopicId])[],
): Record<ItemCode, TopicId> {
  const pairs: [ItemCode, TopicId][] = [];
  for (const [first, last, topic] of ranges) {
    const prefix = first.replace(/\d+$/, '');
    const from = Number(first.slice(prefix.length));
    const to = Number(last.slice(prefix.length));
    for (const code of codeRange(prefix, from, to)) pairs.push([code, topic]);
  }
  return Object.fromEntries(pairs);
}
