// Every score set the demo writes (published and generated), and the way back from score rows to score().
import type { ScoreInput, ScoreOutcome } from '../../../core/index.ts';
import { score } from '../../../core/index.ts';
import type { ScoreSet, ScoreValue } from '../../../db/queries/scores.ts';
import { PATHUM_THANI_AGENCIES } from './agencies.ts';
import { type GeneratedSet, generateScores } from './generated-scores.ts';
import { PUBLISHED_SETS } from './published-scores.ts';

/** A set as written, with what it was built to give when generated. */
export interface DemoScoreSet extends ScoreSet {
  intended?: GeneratedSet['intended'];
}

/**
 * The published cases plus generated — invented, plausible — sets for every assessed Pathum Thani agency (the
 * province and each local government) and the two years before `currentYear`.
 */
export function demoScoreSets(currentYear: number): DemoScoreSet[] {
  const published: DemoScoreSet[] = PUBLISHED_SETS.map((set) => ({
    agencyId: set.agencyId,
    year: set.year,
    // The schema has no 'published' source: these figures were imported from the seed document named here.
    source: 'import',
    sourceBy: set.document,
    scores: set.scores,
  }));
  const taken = new Set(published.map((set) => `${set.agencyId}:${set.year}`));
  // Only assessed units are scored: a province's line and district offices contribute to its one result.
  const assessed = PATHUM_THANI_AGENCIES.filter((agency) => (agency.assessedUnitId ?? null) === null);
  const generated = assessed
    .flatMap((agency) => generateScores(agency, currentYear))
    .filter((set) => !taken.has(`${set.agencyId}:${set.year}`))
    .map((set): DemoScoreSet => ({ ...set, source: 'demo', sourceBy: null }));
  return [...published, ...generated];
}

/** Score rows of one agency-year as score()'s input: items, indicators and instruments, mixed. */
export function scoreInputOf(year: number, scores: readonly ScoreValue[]): ScoreInput {
  const items: Record<string, number> = {};
  const indicators: Record<string, number> = {};
  const instruments: NonNullable<ScoreInput['instruments']> = {};
  for (const s of scores) {
    if (s.level === 'item') items[s.code] = s.score;
    else if (s.level === 'indicator') indicators[s.code] = s.score;
    else if (s.level === 'instrument' && (s.code === 'IIT' || s.code === 'EIT' || s.code === 'OIT'))
      instruments[s.code] = s.score;
  }
  return { fiscalYear: year, items, indicators, instruments };
}

/** score() of a set; a demo set that does not score is a bug in the demo data, so it throws. */
export function scoreDemoSet(
  set: Pick<ScoreSet, 'agencyId' | 'year' | 'scores'>,
): ScoreOutcome & { ok: true } {
  const outcome = score(scoreInputOf(set.year, set.scores));
  if (!outcome.ok) {
    throw new Error(
      `demo scores of ${set.agencyId} FY${set.year} do not score: ${JSON.stringify(outcome.errors)}`,
    );
  }
  return outcome;
}
