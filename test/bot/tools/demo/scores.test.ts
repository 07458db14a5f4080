// Demo scores: published cases read back from the db match the fixture; generated sets score, land in their
// band, are the same on every run, and show weak items.
import { afterEach, describe, expect, it } from 'vitest';
import { PATHUM_THANI_AGENCIES, PROVINCIAL_OFFICE_ID } from '../../../../bot/tools/demo/agencies.ts';
import { generateScores } from '../../../../bot/tools/demo/generated-scores.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { PUBLISHED_SETS } from '../../../../bot/tools/demo/published-scores.ts';
import { demoScoreSets, scoreDemoSet, scoreInputOf } from '../../../../bot/tools/demo/score-sets.ts';
import { score } from '../../../../core/index.ts';
import { listScores } from '../../../../db/queries/scores.ts';
import { itReadsFixture, readPublishedCases } from '../../../support/fixtures.ts';
import { closeAll, NOW, openDb } from './support.ts';

const { fixture: published, cases } = readPublishedCases();

afterEach(closeAll);

describe('published scores in the demo', () => {
  itReadsFixture(published);

  it('covers every case of the fixture', () => {
    expect(PUBLISHED_SETS.map((s) => s.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it.each(cases)('gives back the total and level of $id from the db', async (c) => {
    const db = openDb();
    await loadDemo(db, NOW);
    const set = PUBLISHED_SETS.find((s) => s.caseId === c.id);
    expect(set?.year).toBe(c.fiscalYear);
    const rows = await listScores(db, set?.agencyId ?? '', c.fiscalYear);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.source === 'import' && r.sourceBy === set?.document)).toBe(true);
    const outcome = score(scoreInputOf(c.fiscalYear, rows));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(Math.abs((outcome.result.total ?? Number.NaN) - c.total)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(outcome.result.level?.code).toBe(c.level);
    expect(outcome.result.missing).toEqual([]);
    if (c.weakItemsBelow85)
      expect(outcome.result.weakItems.map((w) => w.code).sort()).toEqual([...c.weakItemsBelow85].sort());
  });

  it('stores exactly the fixture’s items, indicators and weighted parts', () => {
    for (const c of cases) {
      const set = PUBLISHED_SETS.find((s) => s.caseId === c.id);
      const stored = Object.fromEntries((set?.scores ?? []).map((s) => [`${s.level}:${s.code}`, s.score]));
      for (const [code, value] of Object.entries(c.items ?? {}))
        expect(stored[`item:${code}`], code).toBe(value);
      const indicators = c.items
        ? { '9': c.indicators?.['9'], '10': c.indicators?.['10'] }
        : (c.indicators ?? {});
      for (const [id, value] of Object.entries(indicators)) expect(stored[`indicator:${id}`], id).toBe(value);
      // Weighted parts are stored (as instrument scores) only where nothing finer is published.
      const weighted: Record<string, number> = c.items || c.indicators ? {} : (c.weighted ?? {});
      for (const [code, value] of Object.entries(weighted)) {
        expect((stored[`instrument:${code}`] ?? 0) * (code === 'OIT' ? 0.4 : 0.3)).toBeCloseTo(value, 9);
      }
    }
  });
});

describe('generated scores', () => {
  const generated = demoScoreSets(2570).filter((set) => set.source === 'demo');

  it('gives every assessed Pathum Thani agency the two years before the current one, and no line office any', () => {
    const assessed = PATHUM_THANI_AGENCIES.filter((a) => (a.assessedUnitId ?? null) === null);
    expect(assessed.map((a) => a.type)).not.toContain('line_agency');
    expect(assessed.map((a) => a.type)).not.toContain('district');
    expect(generated).toHaveLength(assessed.length * 2);
    const contributing = new Set(PATHUM_THANI_AGENCIES.filter((a) => a.assessedUnitId).map((a) => a.id));
    expect(contributing.size).toBe(16);
    expect(generated.filter((s) => contributing.has(s.agencyId))).toEqual([]);
    expect(new Set(generated.map((s) => s.year))).toEqual(new Set([2568, 2569]));
  });

  it('scores every set without error, within 0–100 and within its intended band', () => {
    for (const set of generated) {
      const { result } = scoreDemoSet(set);
      const what = `${set.agencyId} FY${set.year}`;
      expect(result.missing, what).toEqual([]);
      expect(
        set.scores.every((s) => s.score >= 0 && s.score <= 100),
        what,
      ).toBe(true);
      const intended = set.intended?.total ?? Number.NaN;
      expect(intended, what).toBeGreaterThanOrEqual(70);
      expect(intended, what).toBeLessThanOrEqual(98);
      expect(Math.abs((result.total ?? Number.NaN) - intended), what).toBeLessThan(0.02);
    }
  });

  it('gives full item sets where the framework defines items and indicators elsewhere', () => {
    const set = generated.find((s) => s.agencyId === 'nakhon-rangsit' && s.year === 2569);
    const codes = (level: string) => set?.scores.filter((s) => s.level === level).map((s) => s.code) ?? [];
    expect(codes('item')).toEqual(Array.from({ length: 15 }, (_, k) => `i${k + 1}`));
    expect(codes('indicator')).toEqual(['6', '7', '8', '9', '10']);
  });

  it('spreads totals and levels, with weak items to analyse', () => {
    const results = generated.map((set) => scoreDemoSet(set).result);
    const totals = results.map((r) => r.total ?? 0);
    expect(Math.max(...totals) - Math.min(...totals)).toBeGreaterThan(12);
    expect(new Set(results.map((r) => r.level?.code)).size).toBeGreaterThanOrEqual(3);
    expect(results.filter((r) => r.weakItems.length > 0).length).toBeGreaterThan(5);
    expect(results.filter((r) => r.weakItems.length === 0).length).toBeGreaterThan(5);
  });

  it('has EIT items under 85 in years whose framework has EIT items', () => {
    const sets = demoScoreSets(2568).filter((s) => s.source === 'demo' && s.year === 2566);
    const weakEit = sets.flatMap((set) =>
      scoreDemoSet(set).result.weakItems.filter((w) => w.code.startsWith('e')),
    );
    expect(sets[0]?.scores.some((s) => s.code === 'e15')).toBe(true);
    expect(weakEit.length).toBeGreaterThan(10);
  });

  it('gives the same numbers on every run, and different numbers to different agencies', () => {
    const agency = { id: 'khu-khot-town', type: 'municipality' as const };
    expect(generateScores(agency, 2570)).toEqual(generateScores(agency, 2570));
    const other = generateScores({ id: 'lat-sawai-town', type: 'municipality' }, 2570);
    expect(other[0]?.scores).not.toEqual(generateScores(agency, 2570)[0]?.scores);
  });

  it('never overwrites a published result with a generated one', () => {
    const sets = demoScoreSets(2564).filter((s) => s.agencyId === PROVINCIAL_OFFICE_ID && s.year === 2562);
    expect(sets.map((s) => s.source)).toEqual(['import']);
  });
});
