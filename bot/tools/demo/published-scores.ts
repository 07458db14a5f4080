// The seeds' published results as the demo stores them: the most detailed figures each document gives, read
// from published-results.json — the one copy, which the tests that reproduce the NACC's figures read too.
import { frameworkFor, INSTRUMENTS, type Instrument } from '../../../core/index.ts';
import type { ScoreValue } from '../../../db/queries/scores.ts';
import { PHATTHALUNG_OFFICE_ID, PROVINCIAL_OFFICE_ID, TAK_PAO_ID } from './agencies.ts';
import published from './published-results.json' with { type: 'json' };

/** One published case of published-results.json: what its document prints, 0–100 unless `weighted`. */
export interface PublishedCase {
  id: string;
  /** The seed document the figures come from. */
  source: string;
  agency: string;
  fiscalYear: number;
  items?: Record<string, number>;
  /** Indicator id ("1"–"10") to score. */
  indicators?: Record<string, number>;
  instruments?: Record<Instrument, number>;
  /** Instrument parts out of their weights (30/30/40). */
  weighted?: Record<Instrument, number>;
  total: number;
  level: string;
  weakItemsBelow85?: string[];
  changeFromPreviousYear?: number;
  levelReason?: string;
  rankInProvince?: number;
  rankNationalInType?: number;
}

export const PUBLISHED_CASES: readonly PublishedCase[] = published.cases;

export interface PublishedSet {
  /** The case's id in published-results.json. */
  caseId: string;
  agencyId: string;
  year: number;
  /** The seed file the figures come from (stored as the scores' source_by). */
  document: string;
  scores: ScoreValue[];
}

/** Where each case belongs among the demo's agencies. */
const AGENCY_OF: Readonly<Record<string, string>> = {
  'pathumthani-2562': PROVINCIAL_OFFICE_ID,
  'phatthalung-2565': PHATTHALUNG_OFFICE_ID,
  'phatthalung-2566': PHATTHALUNG_OFFICE_ID,
  'tak-pao-2567': TAK_PAO_ID,
};

const values = (level: ScoreValue['level'], scores: Readonly<Record<string, number>>): ScoreValue[] =>
  Object.entries(scores).map(([code, score]) => ({ level, code, score }));

/**
 * The most detailed input a case gives: its items with the indicators no item covers (seed 001 publishes
 * FY2562's OIT per indicator only), else its indicators, else its weighted parts as instrument scores.
 */
export function publishedScores(c: PublishedCase): ScoreValue[] {
  const framework = frameworkFor(c.fiscalYear);
  if (framework === undefined) throw new Error(`no framework for FY${c.fiscalYear}`);
  if (c.items !== undefined) {
    const given = new Set(Object.keys(c.items));
    const covered = new Set(framework.items.filter((i) => given.has(i.code)).map((i) => String(i.indicator)));
    const rest = Object.entries(c.indicators ?? {}).filter(([id]) => !covered.has(id));
    return [...values('item', c.items), ...values('indicator', Object.fromEntries(rest))];
  }
  if (c.indicators !== undefined) return values('indicator', c.indicators);
  const weighted = c.weighted;
  if (weighted === undefined) throw new Error(`published case ${c.id} gives nothing to score`);
  return INSTRUMENTS.map((code) => ({
    level: 'instrument',
    code,
    score: weighted[code] / framework.weights[code],
  }));
}

/** The four published cases, each as the score rows the demo writes. */
export const PUBLISHED_SETS: readonly PublishedSet[] = PUBLISHED_CASES.map((c) => {
  const agencyId = AGENCY_OF[c.id];
  if (agencyId === undefined) throw new Error(`published case ${c.id} has no demo agency`);
  return { caseId: c.id, agencyId, year: c.fiscalYear, document: c.source, scores: publishedScores(c) };
});
