// The seeds' published results as the demo stores them: the most detailed figures each document gives.
// Copied from shared/fixtures/published-results.json (the demo must load on a machine without shared/);
// test/bot/tools/demo/scores.test.ts checks the copy against that file.
import { frameworkFor, INSTRUMENTS } from '../../../core/index.ts';
import type { ScoreValue } from '../../../db/queries/scores.ts';
import { PHATTHALUNG_OFFICE_ID, PROVINCIAL_OFFICE_ID, TAK_PAO_ID } from './agencies.ts';

export interface PublishedSet {
  /** The case's id in published-results.json. */
  caseId: string;
  agencyId: string;
  year: number;
  /** The seed file the figures come from (stored as the scores' source_by). */
  document: string;
  scores: ScoreValue[];
}

// Seed 001 tables 1–2: every IIT and EIT item of Pathum Thani FY2562.
// biome-ignore format: a table of published figures reads best as printed
const PATHUM_THANI_2562_ITEMS: Readonly<Record<string, number>> = {
  i1: 96.24, i2: 95.63, i3: 96.76, i4: 99.4, i5: 99.4, i6: 99.4,
  i7: 92.86, i8: 95.15, i9: 98.8, i10: 98.6, i11: 97.22, i12: 94.33,
  i13: 93.87, i14: 93.08, i15: 95.26, i16: 98.41, i17: 99.8, i18: 99.47,
  i19: 99.01, i20: 88.87, i21: 93.46, i22: 99.01, i23: 92.68, i24: 95.46,
  i25: 97.03, i26: 99.1, i27: 96.23, i28: 95.7, i29: 97.43, i30: 94.96,
  e1: 79.4, e2: 79.58, e3: 79.03, e4: 96.15, e5: 77.77,
  e6: 73.23, e7: 77.23, e8: 90.11, e9: 75.4, e10: 90.66,
  e11: 74.84, e12: 76.12, e13: 94.51, e14: 73.54, e15: 75.7,
};

// FY2562 OIT is published per indicator only [seed 001].
const PATHUM_THANI_2562_OIT: Readonly<Record<string, number>> = { '9': 97.5, '10': 100 };

// Seed 002 publishes Phatthalung's weighted parts (out of 30/30/40); the instrument score is part ÷ weight.
const PHATTHALUNG_WEIGHTED: Readonly<Record<number, Readonly<Record<'IIT' | 'EIT' | 'OIT', number>>>> = {
  2565: { IIT: 25.67, EIT: 25.78, OIT: 40 },
  2566: { IIT: 26.6, EIT: 25.38, OIT: 40 },
};

// Seed 003: Tak PAO's ten indicators, FY2567.
// biome-ignore format: as printed in the seed
const TAK_PAO_2567_INDICATORS: Readonly<Record<string, number>> = {
  '1': 97.78, '2': 100, '3': 100, '4': 100, '5': 100, '6': 99.13, '7': 99.1, '8': 97.05, '9': 100, '10': 100,
};

const values = (level: ScoreValue['level'], scores: Readonly<Record<string, number>>): ScoreValue[] =>
  Object.entries(scores).map(([code, score]) => ({ level, code, score }));

function phatthalung(year: 2565 | 2566): PublishedSet {
  const weights = frameworkFor(year)?.weights;
  const weighted = PHATTHALUNG_WEIGHTED[year];
  if (weights === undefined || weighted === undefined) throw new Error(`no framework for FY${year}`);
  return {
    caseId: `phatthalung-${year}`,
    agencyId: PHATTHALUNG_OFFICE_ID,
    year,
    document: '002_2a3c5341e523ff3b.txt',
    scores: INSTRUMENTS.map((code) => ({ level: 'instrument', code, score: weighted[code] / weights[code] })),
  };
}

/** The four published cases, each as the score rows the demo writes. */
export const PUBLISHED_SETS: readonly PublishedSet[] = [
  {
    caseId: 'pathumthani-2562',
    agencyId: PROVINCIAL_OFFICE_ID,
    year: 2562,
    document: '001_e43ba02d75c802d9.txt',
    scores: [...values('item', PATHUM_THANI_2562_ITEMS), ...values('indicator', PATHUM_THANI_2562_OIT)],
  },
  phatthalung(2565),
  phatthalung(2566),
  {
    caseId: 'tak-pao-2567',
    agencyId: TAK_PAO_ID,
    year: 2567,
    document: '003_4ca75c20aa7b5338.txt',
    scores: values('indicator', TAK_PAO_2567_INDICATORS),
  },
];
