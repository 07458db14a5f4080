// buildAnalysis on the seeds' published figures: Pathum Thani FY2562's weak items and measures (seed 001) and
// Tak PAO FY2567's "keeps its standard" report (seed 003).
import { describe, expect, it } from 'vitest';
import { type Framework, frameworkFor, type ScoreResult, score } from '../../../core/index.ts';
import { buildAnalysis, KEEP_STANDARD_FINDING, oitCitationText } from '../../../core/reports/index.ts';
import { itReadsFixture, type PublishedCase, readPublishedCases } from '../../support/fixtures.ts';

const { fixture: published, cases } = readPublishedCases();

function caseOf(id: string): PublishedCase {
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`fixture case ${id} is missing`);
  return found;
}

function resultOf(c: PublishedCase): ScoreResult {
  // With items on record only OIT's indicators 9–10 are given whole (FY2562 publishes OIT per indicator).
  const all = c.indicators ?? {};
  const indicators = c.items === undefined ? all : { '9': all['9'] ?? 0, '10': all['10'] ?? 0 };
  const outcome = score({ fiscalYear: c.fiscalYear, items: c.items ?? {}, indicators: indicators ?? {} });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

function analysisOf(id: string) {
  const c = caseOf(id);
  const framework = frameworkFor(c.fiscalYear);
  if (framework === undefined) throw new Error('no framework');
  return buildAnalysis({
    agency: { id, name: 'หน่วยงานทดสอบ' },
    framework,
    result: resultOf(c),
    itemScores: c.items ?? {},
    rank: { rank: 1, of: 1 },
  });
}

describe('buildAnalysis', () => {
  itReadsFixture(published);

  it('lists exactly the seed 001 weak items of Pathum Thani FY2562 under the topics, lowest first', () => {
    const report = analysisOf('pathumthani-2562');
    const weak = report.topics.flatMap((t) => t.items.filter((i) => i.weak).map((i) => i.code));
    expect(weak.sort()).toEqual([...(caseOf('pathumthani-2562').weakItemsBelow85 ?? [])].sort());
    expect(report.weakItemCount).toBe(11);
    expect(report.keepsStandard).toBe(false);
    for (const topic of report.topics) {
      const scores = topic.items.filter((i) => i.weak).map((i) => i.score ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(topic.items.slice(0, topic.weakCount).every((i) => i.weak)).toBe(true);
    }
  });

  it('files seed 001 weaknesses where seed 002 files them: service quality, e-service, communication', () => {
    const report = analysisOf('pathumthani-2562');
    const weakOf = (id: number) =>
      report.topics.find((t) => t.id === id)?.items.flatMap((i) => (i.weak ? [i.code] : [])) ?? [];
    expect(weakOf(1).sort()).toEqual(['e1', 'e15', 'e2', 'e3', 'e5']);
    expect(weakOf(2).sort()).toEqual(['e11', 'e12', 'e14']);
    expect(weakOf(3).sort()).toEqual(['e6', 'e7', 'e9']);
    expect(report.topics.find((t) => t.id === 3)?.items[0]).toMatchObject({ code: 'e6', score: 73.23 });
  });

  it('suggests the measures seed 001 took for the weak topics, each with steps, owner and period', () => {
    const report = analysisOf('pathumthani-2562');
    const ids = report.topics.flatMap((t) => t.measures.map((m) => m.templateId));
    // Seed 001 §6: manuals, fewer service steps, e-service, participation, publishing, a Q&A channel.
    for (const id of [
      'service-manual',
      'reduce-service-steps',
      'e-service',
      'public-participation',
      'publish-information',
      'two-way-channel',
    ]) {
      expect(ids).toContain(id);
    }
    for (const measure of report.topics.flatMap((t) => t.measures)) {
      expect(measure.steps.length).toBeGreaterThan(0);
      expect(measure.owner).not.toBe('');
      expect(measure.periodText).toContain('2563');
    }
    const weakTopic = report.topics.find((t) => t.id === 2);
    expect(weakTopic?.findings).toContain('e14');
    expect(weakTopic?.findings).toContain('73.54');
  });

  it('carries the published figures: total, level, indicators and instruments', () => {
    const c = caseOf('pathumthani-2562');
    const report = analysisOf('pathumthani-2562');
    expect(report.overall.score).toBeCloseTo(c.total, 2);
    expect(report.overall.level?.code).toBe('A');
    // Rank 1 of 1 says nothing, so it is left out.
    expect(report.overall.rankInProvince).toBeUndefined();
    for (const line of report.indicators) {
      expect(line.score ?? 0).toBeCloseTo(c.indicators?.[String(line.id)] ?? -1, 1);
    }
  });

  it('says Tak PAO FY2567 keeps its standard in every topic, listing no item since none is weak', () => {
    const report = analysisOf('tak-pao-2567');
    expect(report.keepsStandard).toBe(true);
    expect(report.overall.level?.code).toBe('ผ่านดีเยี่ยม');
    expect(Math.abs((report.overall.score ?? 0) - 99.4)).toBeLessThanOrEqual(0.01);
    expect(report.topics.map((t) => t.findings)).toEqual(Array(7).fill(KEEP_STANDARD_FINDING));
    expect(report.topics.every((t) => t.items.length === 0 && t.weakParts.length === 0)).toBe(true);
    expect(report.weakInstruments).toEqual([]);
    expect(report.weakIndicators).toEqual([]);
    expect(report.topics.every((t) => t.measures.length === 1)).toBe(true);
    expect(report.recommendations.IIT).toContain('ควรรักษามาตรฐานไว้');
    expect(report.measuresYear).toBe(2568);
  });

  it("says when the next year's OIT item it cites comes from an unconfirmed framework", () => {
    const c = caseOf('tak-pao-2567');
    const framework = frameworkFor(2567);
    const next = frameworkFor(2568);
    if (framework === undefined || next === undefined) throw new Error('no framework');
    const build = (measuresFramework: Framework) =>
      buildAnalysis({
        agency: { id: 'x', name: 'x' },
        framework,
        result: resultOf(c),
        itemScores: c.items ?? {},
        measuresFramework,
      });
    // FY2568 is built from agencies' OIT pages, not the NACC's manual: the citation says so.
    const unconfirmed = build(next).oitItem;
    expect(unconfirmed).toMatchObject({ code: 'O27', forYear: 2568 });
    expect(unconfirmed?.unconfirmedNote).toBe(
      'เลขข้อตามกรอบการประเมินปี 2568 ซึ่งยังไม่ยืนยัน อาจเปลี่ยนเมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือ',
    );
    expect(oitCitationText(unconfirmed ?? { code: '', title: '', forYear: 0 })).toMatch(
      /ปีงบประมาณ พ\.ศ\. 2568 \(เลขข้อตามกรอบการประเมินปี 2568 ซึ่งยังไม่ยืนยัน/,
    );
    // Once the year's framework is the NACC's (a confirmed import), the note goes.
    const confirmed = build({ ...next, confirmed: true }).oitItem;
    expect(confirmed).toMatchObject({ code: 'O27', forYear: 2568 });
    expect(confirmed?.unconfirmedNote).toBeUndefined();
  });

  it('marks a topic weak from its indicator when only indicator scores are on record', () => {
    const c = caseOf('tak-pao-2567');
    const framework = frameworkFor(2567);
    if (framework === undefined) throw new Error('no framework');
    const outcome = score({ fiscalYear: 2567, indicators: { ...c.indicators, '4': 70 } });
    if (!outcome.ok) throw new Error('does not score');
    const report = buildAnalysis({
      agency: { id: 'x', name: 'x' },
      framework,
      result: outcome.result,
      itemScores: {},
    });
    expect(report.keepsStandard).toBe(false);
    const property = report.topics.find((t) => t.id === 4);
    expect(property?.findings).not.toBe(KEEP_STANDARD_FINDING);
    // The items of the weak indicator whose wording is known are named, without a score of their own.
    expect(property?.items.map((i) => [i.code, i.score])).toEqual([
      ['i10', undefined],
      ['i11', undefined],
      ['i12', undefined],
    ]);
    expect(report.recommendations.IIT).toContain('ตัวชี้วัดที่ 4');
  });

  it('names EIT (84.60) as the weak instrument of Phatthalung FY2566, where only instrument scores are known', () => {
    // Seed 002: weighted IIT 26.60, EIT 25.38, OIT 40.00 of 30/30/40; total 91.98, level ผ่าน.
    const framework = frameworkFor(2566);
    if (framework === undefined) throw new Error('no framework');
    const outcome = score({
      fiscalYear: 2566,
      instruments: { IIT: 26.6 / 0.3, EIT: 25.38 / 0.3, OIT: 100 },
    });
    if (!outcome.ok) throw new Error('does not score');
    expect(outcome.result.level?.code).toBe('ผ่าน');
    const report = buildAnalysis({
      agency: { id: 'phatthalung-office', name: 'สำนักงานจังหวัดพัทลุง' },
      framework,
      result: outcome.result,
      itemScores: {},
    });
    expect(report.keepsStandard).toBe(false);
    expect(report.weakInstruments).toEqual([{ instrument: 'EIT', score: expect.closeTo(84.6, 6) }]);
    expect(report.summary).toContain('(EIT) 84.60 คะแนน');
    expect(report.summary).not.toContain('ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่า');
    expect(report.levelReason).toContain('EIT ได้ 84.60 ต่ำกว่า 85');
    expect(report.levelCriteria.some((l) => l.startsWith('ผ่านดี:'))).toBe(true);
    // No instrument reads "no scores yet" when its score is on record.
    for (const k of ['IIT', 'EIT', 'OIT'] as const)
      expect(report.recommendations[k]).not.toContain('ยังไม่มีผลคะแนน');
    expect(report.recommendations.EIT).toContain('84.60');
    expect(report.recommendations.IIT).toContain('ควรรักษามาตรฐานไว้');
    // The topics FY2566 files EIT items under (1, 2, 3 and 7 for e4, e10) are weak; property is not.
    const weakTopics = report.topics.filter((t) => t.findings !== KEEP_STANDARD_FINDING).map((t) => t.id);
    expect(weakTopics.sort()).toEqual([1, 2, 3, 7]);
    expect(report.topics.find((t) => t.id === 3)?.weakParts[0]).toContain('84.60');
    expect(report.topics.find((t) => t.id === 4)?.findings).toBe(KEEP_STANDARD_FINDING);
  });
});
