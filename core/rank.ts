// Ranking agencies by total: ties share a rank (1, 1, 3), compared on the published 2-decimal figure.
import { formatScore, round2 } from './round.ts';
import type { ScoreResult } from './types.ts';

export interface RankEntry {
  id: string;
  /** Agency type (อบจ., เทศบาล, อบต., …): the second sort key, and the group of rankInType. */
  type?: string;
  result: ScoreResult;
}

/** The entry with its rank and shown total; both absent when the agency has no total. */
export type Ranked<E extends RankEntry> = E & { rank?: number; totalDisplay?: string };

function byText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/**
 * Orders by total (high first), then type, then id; agencies without a total come last, unranked.
 * Two agencies share a rank when their totals are equal at 2 decimals, as the NACC publishes them.
 */
export function rankAgencies<E extends RankEntry>(entries: readonly E[]): Ranked<E>[] {
  // Totals in hundredths (9269 for 92.69), or -1 with no total: integers compare exactly. Kept in a typed
  // array and sorted as indexes, so ranking the country allocates no object per agency but its result.
  const cents = new Int32Array(entries.length);
  const order = new Array<number>(entries.length);
  for (let n = 0; n < entries.length; n++) {
    const total = entries[n]?.result.total;
    cents[n] = total === undefined ? -1 : Math.round(round2(total) * 100);
    order[n] = n;
  }
  order.sort((a, b) => {
    const diff = (cents[b] ?? 0) - (cents[a] ?? 0);
    if (diff !== 0) return diff;
    const x = entries[a] as E;
    const y = entries[b] as E;
    return byText(x.type, y.type) || byText(x.id, y.id);
  });
  const ranked: Ranked<E>[] = [];
  let previousCents = Number.NaN;
  let rank = 0;
  for (let index = 0; index < order.length; index++) {
    const n = order[index] as number;
    const entry = entries[n] as E;
    const own = cents[n] as number;
    // Object.assign, not spread: V8 (Node 20) copies these objects with `{ ...entry }` some 50× slower.
    const copy: Ranked<E> = Object.assign({}, entry);
    if (own < 0) {
      ranked.push(copy);
      continue;
    }
    if (own !== previousCents) rank = index + 1;
    previousCents = own;
    // score() already wrote the total's 2-decimal text; the same cents give the same text.
    copy.rank = rank;
    copy.totalDisplay = entry.result.totalDisplay ?? formatScore(own / 100);
    ranked.push(copy);
  }
  return ranked;
}

/** Ranks within each agency type (the NACC's "ลำดับที่ 7 ประเภท อบจ." [seed 003]), grouped by type. */
export function rankInType<E extends RankEntry>(entries: readonly E[]): Ranked<E>[] {
  const groups = new Map<string | undefined, E[]>();
  for (const entry of entries) {
    const group = groups.get(entry.type);
    if (group === undefined) groups.set(entry.type, [entry]);
    else group.push(entry);
  }
  return [...groups.keys()].sort(byText).flatMap((type) => rankAgencies(groups.get(type) ?? []));
}
