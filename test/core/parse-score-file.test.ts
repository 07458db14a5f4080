// parseScoreFile: JSON and CSV score files, good and bad, shared by the CLI and the LIFF import.
import { describe, expect, it } from 'vitest';
import { fieldOfCode, formatOfFileName, type ParseOutcome, parseScoreFile, score } from '../../core/index.ts';

function errorsOf(outcome: ParseOutcome): { line?: number; field?: string; message: string }[] {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? [] : outcome.errors;
}

describe('parseScoreFile (JSON)', () => {
  it('reads every group, Thai-digit text scores and a BOM, and ignores descriptive keys', () => {
    const text =
      '\uFEFF{"fiscalYear": "๒๕๖๗", "agency": "อบจ.ตาก", "items": {"i10": 100}, "indicators": {"9": "๑๐๐"}, "instruments": {"IIT": 99.5, "EIT": 98}, "eitParts": {"part1": 97}}';
    const outcome = parseScoreFile(text, 'json');
    expect(outcome).toEqual({
      ok: true,
      input: {
        fiscalYear: 2567,
        items: { i10: 100 },
        indicators: { '9': 100 },
        instruments: { IIT: 99.5, EIT: 98 },
        eitParts: { part1: 97 },
      },
      lines: {},
    });
  });

  it('gives one error with its line for malformed JSON', () => {
    const errors = errorsOf(
      parseScoreFile('{\n  "fiscalYear": 2562,\n  "items": {"i1": 96.24,, }\n}', 'json'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toContain('JSON');
  });

  it.each([
    ['an array', '[1, 2]', undefined],
    ['an unknown key', '{"fiscalYear": 2567, "scores": {}}', 'scores'],
    ['a score that is not a number', '{"fiscalYear": 2567, "items": {"i1": "ดี"}}', 'items.i1'],
    ['a null score', '{"fiscalYear": 2567, "indicators": {"9": null}}', 'indicators.9'],
    ['a fractional year', '{"fiscalYear": 2567.5}', 'fiscalYear'],
    ['items that are a list', '{"fiscalYear": 2567, "items": [90]}', 'items'],
    ['an unknown instrument', '{"fiscalYear": 2567, "instruments": {"XIT": 90}}', 'instruments.XIT'],
    ['an unknown EIT part', '{"fiscalYear": 2567, "eitParts": {"part3": 90}}', 'eitParts.part3'],
  ])('rejects %s', (_, text, field) => {
    const errors = errorsOf(parseScoreFile(text, 'json'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
  });
});

describe('parseScoreFile (CSV)', () => {
  it('reads codes, Thai digits, a header, a BOM, CRLF, blank lines and comments, and where each field is', () => {
    const text =
      '\uFEFFcode,score\r\n# FY2562\r\nfiscal_year,๒๕๖๒\r\n\r\ni1,๙๖.๒๔\r\nE15,75.70\r\n9,97.50\r\n"10","100"\r\nOIT,98.75\r\neit1,80\r\n';
    const outcome = parseScoreFile(text, 'csv');
    expect(outcome).toEqual({
      ok: true,
      input: {
        fiscalYear: 2562,
        items: { i1: 96.24, e15: 75.7 },
        indicators: { '9': 97.5, '10': 100 },
        instruments: { OIT: 98.75 },
        eitParts: { part1: 80 },
      },
      lines: {
        fiscalYear: 3,
        'items.i1': 5,
        'items.e15': 6,
        'indicators.9': 7,
        'indicators.10': 8,
        'instruments.OIT': 9,
        'eitParts.part1': 10,
      },
    });
  });

  it('reads a file without a header', () => {
    const outcome = parseScoreFile('fiscal_year,2567\nIIT,90', 'csv');
    expect(outcome.ok && outcome.input).toEqual({ fiscalYear: 2567, instruments: { IIT: 90 } });
  });

  it('gives an empty input for an empty file, for score() to say what is missing', () => {
    const outcome = parseScoreFile('\n\n', 'csv');
    expect(outcome.ok && outcome.input).toEqual({});
  });

  it.each([
    ['a duplicate code', 'fiscal_year,2562\ni1,90\ni2,91\nI1,92', 4, 'บรรทัด 2'],
    ['an unknown code', 'fiscal_year,2562\nx9,90', 2, 'x9'],
    ['a score that is not a number', 'fiscal_year,2562\ni1,เก้าสิบ', 2, 'ไม่ใช่ตัวเลข'],
    ['a decimal comma (three cells)', 'fiscal_year,2562\ni1,92,69', 2, '3 ช่อง'],
    ['a row with one cell', 'fiscal_year,2562\ni1', 2, '1 ช่อง'],
    ['a fractional year', 'fiscal_year,2562.5', 1, 'พ.ศ.'],
  ])('rejects %s and names the line', (_, text, line, words) => {
    const errors = errorsOf(parseScoreFile(text, 'csv'));
    expect(errors[0]?.line).toBe(line);
    expect(errors[0]?.message).toContain(words);
  });

  it('parses into input score() reproduces (seed 001 OIT indicators)', () => {
    const outcome = parseScoreFile('fiscal_year,2562\nIIT,96.42\nEIT,80.88\n9,97.50\n10,100', 'csv');
    const scored = outcome.ok ? score(outcome.input) : undefined;
    expect(scored?.ok && scored.result.totalDisplay).toBe('92.69');
  });
});

describe('score file helpers', () => {
  it.each([
    ['i4', 'items.i4'],
    ['1๔', 'indicators.14'],
    ['๙', 'indicators.9'],
    ['oit', 'instruments.OIT'],
    ['ปีงบประมาณ', 'fiscalYear'],
    ['EIT part 2', 'eitParts.part2'],
    ['score', undefined],
  ])('reads the code %j as the field %s', (code, field) => {
    expect(fieldOfCode(code)).toBe(field);
  });

  it('tells the format from the file name', () => {
    expect(['a.json', 'B.CSV', 'c.txt', 'json'].map(formatOfFileName)).toEqual([
      'json',
      'csv',
      undefined,
      undefined,
    ]);
  });
});
