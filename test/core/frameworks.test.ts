// Frameworks as data: which year gets which, their items, indicators, weights and topic mapping.
import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_TOPICS,
  FRAMEWORKS,
  type Framework,
  findItem,
  frameworkFor,
  frameworkNotice,
  INDICATOR_NAMES,
  isAssumedFor,
} from '../../core/index.ts';
import { DESIGN_NAMES, itReadsFixture, readFixture } from '../support/fixtures.ts';

const design = readFixture<{
  indicators: Record<string, string>;
  analysisTopics: { id: number; title: string }[];
}>(DESIGN_NAMES);

function framework(year: number): Framework {
  const found = frameworkFor(year);
  if (found === undefined) throw new Error(`no framework for ${year}`);
  return found;
}

function codesOf(f: Framework, indicator: number): string[] {
  return f.items.filter((item) => item.indicator === indicator).map((item) => item.code);
}

describe('frameworkFor', () => {
  it.each([
    [2562, 'ita-2562'],
    [2565, 'ita-2562'],
    [2566, 'ita-2566'],
    [2567, 'ita-2567'],
    [2568, 'ita-2568'],
    [2575, 'ita-2568'],
  ])('gives FY%s the framework %s', (year, id) => {
    expect(frameworkFor(year)?.id).toBe(id);
  });

  it.each([2561, 2500, 2024, 2567.5, Number.NaN])('has no framework for %s', (year) => {
    expect(frameworkFor(year)).toBeUndefined();
  });
});

describe('frameworks', () => {
  itReadsFixture(design);

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))(
    '%s weighs IIT 30, EIT 30, OIT 40 and names indicators as the design does',
    (_, f) => {
      expect(f.weights).toEqual({ IIT: 0.3, EIT: 0.3, OIT: 0.4 });
      expect(f.indicators.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const indicator of f.indicators)
        expect(indicator.name).toBe(design.data?.indicators[indicator.id]);
      expect(f.indicators.map((i) => i.instrument).join('')).toBe('IITIITIITIITIITEITEITEITOITOIT');
    },
  );

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))(
    '%s maps every item to one of the seven topics',
    (_, f) => {
      const missing = f.items.filter((item) => f.topicOf[item.code] === undefined).map((item) => item.code);
      expect(missing).toEqual([]);
      expect(Object.keys(f.topicOf).filter((code) => findItem(f, code) === undefined)).toEqual([]);
    },
  );

  it('groups FY2562 items six per IIT and five per EIT indicator [seed 001]', () => {
    const f = framework(2562);
    expect(codesOf(f, 1)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    expect(codesOf(f, 5)).toEqual(['i25', 'i26', 'i27', 'i28', 'i29', 'i30']);
    expect(codesOf(f, 8)).toEqual(['e11', 'e12', 'e13', 'e14', 'e15']);
    expect(findItem(f, 'i4')?.title).toContain('เรียกรับ');
    expect(findItem(f, 'e13')?.title).toContain('เทคโนโลยี');
    expect(f.indicators.find((i) => i.id === 9)?.items).toEqual([]);
    expect(f.items.filter((item) => item.code.startsWith('o'))).toHaveLength(48);
  });

  it('has FY2566 OIT o1–o43 in sub-indicators 9.1–10.2', () => {
    const f = framework(2566);
    const counts: Record<string, number> = {};
    for (const item of f.items)
      if (item.subIndicator !== undefined) counts[item.subIndicator] = (counts[item.subIndicator] ?? 0) + 1;
    expect(counts).toEqual({ '9.1': 10, '9.2': 8, '9.3': 4, '9.4': 4, '9.5': 4, '10.1': 11, '10.2': 2 });
    expect(findItem(f, 'o18')?.title).toBe('E-Service');
    expect(findItem(f, 'i28')?.title).toContain('ITA');
  });

  it('has the shortened FY2567 questionnaires', () => {
    const f = framework(2567);
    expect(codesOf(f, 4)).toEqual(['i10', 'i11', 'i12']);
    expect(findItem(f, 'i11')).toMatchObject({ confirmed: true, indicator: 4 });
    expect(findItem(f, 'i1')?.confirmed).toBe(false);
    expect(f.items.filter((item) => item.code.startsWith('e'))).toEqual([]);
    expect(f.items.filter((item) => item.code.startsWith('o'))).toHaveLength(33);
    expect(findItem(f, 'o22')?.title).toContain('ร้องเรียน');
    expect(findItem(f, 'o30')?.title).toContain('o30');
    expect(f.topicOf.o13).toBe(2);
  });

  it('titles the seven analysis topics exactly as the design does', () => {
    expect(ANALYSIS_TOPICS).toEqual(design.data?.analysisTopics);
    expect(INDICATOR_NAMES[4]).toBe('การใช้ทรัพย์สินของราชการ');
  });
});

describe('FY2568 and later', () => {
  it('makes O19 the complaint-statistics item of FY2568 (O24 in FY2567), E-Service O10, unconfirmed', () => {
    const fy2568 = frameworkFor(2568);
    expect(fy2568?.documents?.complaintStats).toBe('o19');
    expect(findItem(fy2568 as Framework, 'o19')?.title).toBe('ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    expect(findItem(fy2568 as Framework, 'o10')?.title).toBe('E-Service');
    expect(findItem(fy2568 as Framework, 'o19')?.confirmed).toBe(false);
    expect(frameworkFor(2567)?.documents?.complaintStats).toBe('o24');
    expect(frameworkNotice(fy2568 as Framework, 2568)).toContain('ยังไม่ยืนยัน');
    expect(frameworkNotice(frameworkFor(2567) as Framework, 2567)).toBeUndefined();
  });

  it('says FY2570 reuses the FY2568 structure, unconfirmed — never silently', () => {
    const fy2570 = frameworkFor(2570) as Framework;
    expect(isAssumedFor(fy2570, 2570)).toBe(true);
    expect(frameworkNotice(fy2570, 2570)).toBe(
      'กรอบการประเมินปี 2570 ยังไม่ยืนยัน: ใช้โครงสร้างของปี 2568 ไปก่อน จนกว่าสำนักงาน ป.ป.ช. จะประกาศคู่มือ (ผู้ประสานงานนำเข้ากรอบของปีได้)',
    );
  });

  it('carries the EIT minimum sample per agency group and the 70 boundary as data', () => {
    const fy2568 = frameworkFor(2568) as Framework;
    expect(fy2568.eitMinSample?.find((r) => r.group.startsWith('อบต. ขนาดเล็ก'))?.min).toBe(30);
    const needsUrgent = fy2568.levels.find((r) => r.code === 'ต้องปรับปรุง');
    expect(needsUrgent).toMatchObject({ minTotal: 70, confirmed: false });
  });
});
