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

interface Keyed<E> {
  entry: E;
  /** Total in hundredths (9269 for 92.69), or -1 with no total: integers compare exactly. */
  cents: number;
}

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
  const keyed: Keyed<E>[] = entries.map((entry) => {
    const total = entry.result.total;
    return { entry, cents: total === undefined ? -1 : Math.round(round2(total) * 100) };
  });
  keyed.sort(
    (a, b) => b.cents - a.cents || byText(a.entry.type, b.entry.type) || byText(a.entry.id, b.entry.id),
  );
  const ranked: Ranked<E>[] = [];
  let previousCents = Number.NaN;
  let rank = 0;
  for (let index = 0; index < keyed.length; index++) {
    const { entry, cents } = keyed[index] as Keyed<E>;
    // Object.assign, not spread: V8 (Node 20) copies these objects with `{ ...entry }` some 50× slower.
    const copy: Ranked<E> = Object.assign({}, entry);
    if (cents < 0) {
      ranked.push(copy);
      continue;
    }
    if (cents !== previousCents) rank = index + 1;
    previousCents = cents;
    // score() already wrote the total's 2-decimal text; the same cents give the same text.
    copy.rank = rank;
    copy.totalDisplay = entry.result.totalDisplay ?? formatScore(cents / 100);
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
