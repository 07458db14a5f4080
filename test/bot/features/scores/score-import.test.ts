// checkScoreImport: the CLI's score files (one agency) and files with an agency column or a JSON list (many).
import { describe, expect, it } from 'vitest';
import { checkScoreImport, scoreValuesOf } from '../../../../bot/features/scores/score-import.ts';
import type { Agency } from '../../../../db/queries/agencies.ts';

const agency = (id: string, nameTh: string, shortName: string | null = null): Agency => ({
  id,
  provinceId: 'p',
  nameTh,
  shortName,
  type: 'sao',
  district: null,
  itasCode: null,
  assessedUnitId: null,
  parentId: null,
  createdAt: '',
  updatedAt: '',
});
const AGENCIES = [agency('a1', 'องค์การบริหารส่วนตำบลหนึ่ง', 'อบต.หนึ่ง'), agency('a2', 'องค์การบริหารส่วนตำบลสอง')];
const check = (fileName: string, content: string, agencyId?: string) =>
  checkScoreImport(
    { fileName, content, year: 2568, ...(agencyId === undefined ? {} : { agencyId }) },
    AGENCIES,
  );

describe('checkScoreImport', () => {
  it('reads a CLI file for the chosen agency, Thai digits and all', () => {
    const outcome = check('a.csv', 'รหัส,คะแนน\nfiscal_year,๒๕๖๘\nIIT,๙๐\nEIT,80\nOIT,95', 'a1');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.sets[0]?.result.totalDisplay).toBe('89.00');
    expect(outcome.sets[0]?.scores).toHaveLength(3);
  });

  it('splits an agency column by agency, naming agencies by id or short name', () => {
    // The short name is the same agency as a1: named twice, so it is refused.
    const outcome = check('m.csv', 'agency,code,score\na1,IIT,90\nอบต.หนึ่ง,EIT,90\na2,OIT,80');
    expect(outcome.ok ? [] : outcome.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'หน่วยงาน "อบต.หนึ่ง" ซ้ำในไฟล์'],
    ]);
    const good = check('m.csv', 'agency,code,score\na1,IIT,90\na1,EIT,90\na2,OIT,80');
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    expect(good.sets.map((s) => [s.agency.id, s.scores.length])).toEqual([
      ['a1', 2],
      ['a2', 1],
    ]);
  });

  it.each([
    ['a score that is not a number', 'agency,code,score\na1,IIT,abc', 2, 'ไม่ใช่ตัวเลข'],
    ['an unknown code', 'agency,code,score\na1,XYZ,90', 2, 'ไม่รู้จักรหัส'],
    ['a score above 100', 'agency,code,score\na1,OIT,101', 2, ''],
    ['an agency not in the province', 'agency,code,score\na1,IIT,90\nzz,IIT,90', 3, 'zz'],
    ['a year that is not the chosen one', 'fiscal_year,2567\nIIT,90', 1, 'ไม่ตรง'],
  ])('names the line of %s', (_name, content, line, words) => {
    const outcome = check('f.csv', content, 'a1');
    if (outcome.ok) throw new Error('accepted a bad file');
    expect(outcome.errors[0]?.line).toBe(line);
    expect(outcome.errors[0]?.message).toContain(words);
  });

  it('reads a JSON list whose entries name their agency, and asks for an agency otherwise', () => {
    const list = JSON.stringify([
      { id: 'a1', instruments: { IIT: 90, EIT: 90, OIT: 90 } },
      { agency: 'a2', indicators: { '9': 80, '10': 70 } },
    ]);
    const outcome = check('l.json', list);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.sets.map((s) => s.agency.id)).toEqual(['a1', 'a2']);
    const orphan = check('o.json', '{"instruments": {"IIT": 90}}');
    expect(orphan.ok ? [] : orphan.errors.map((e) => e.field)).toEqual(['หน่วยงาน']);
    const broken = check('b.json', '{\n  "instruments": {"IIT": 90,}\n}', 'a1');
    expect(broken.ok ? undefined : broken.errors[0]?.line).toBe(2);
  });
});

describe('scoreValuesOf', () => {
  it('turns every kind of score into the rows scores stores', () => {
    expect(
      scoreValuesOf({
        items: { i1: 90 },
        indicators: { '09': 80 },
        instruments: { OIT: 70 },
        eitParts: { part1: 60 },
      }),
    ).toEqual([
      { level: 'item', code: 'i1', score: 90 },
      { level: 'indicator', code: '9', score: 80 },
      { level: 'instrument', code: 'OIT', score: 70 },
      { level: 'eit_part', code: 'part1', score: 60 },
    ]);
  });
});
