// The `score` CLI command: published cases from fixture files, the Thai table, --json, every error path.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type CliIo, runScore } from '../../../../bot/tools/cli/commands/score.ts';
import { itReadsFixture, readPublishedCases } from '../../../support/fixtures.ts';

const FIXTURES = new URL('../../../fixtures/score/', import.meta.url);

const { fixture: published, cases } = readPublishedCases();

function fixture(name: string): string {
  return new URL(name, FIXTURES).pathname;
}

async function run(args: string[], readFileImpl: CliIo['readFile'] = (p) => readFile(p, 'utf8')) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScore(args, {
    readFile: readFileImpl,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

function expectNear(actual: unknown, published: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  expect(
    Math.abs(Number(actual) - published),
    `${what}: ${String(actual)} vs ${published}`,
  ).toBeLessThanOrEqual(0.01 + 1e-9);
}

describe('score command', () => {
  itReadsFixture(published);

  it.each(cases)('reproduces $id from its fixture file with --json', async (c) => {
    const file = [`${c.id}.json`, `${c.id}.csv`].map(fixture).find((path) => existsSync(path));
    expect(file, `a fixture file for ${c.id}`).toBeDefined();
    const { code, out, err } = await run([file ?? '', '--json']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0] ?? '');
    expect(json.fiscalYear).toBe(c.fiscalYear);
    expect(json.level).toBe(c.level);
    expectNear(json.total, c.total, 'total');
    expect(Object.keys(json.indicators)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const [k, v] of Object.entries(c.indicators ?? {}))
      expectNear(json.indicators[k], v, `indicator ${k}`);
    for (const [k, v] of Object.entries(c.instruments ?? {})) expectNear(json.instruments[k], v, k);
    for (const [k, v] of Object.entries(c.weighted ?? {})) expectNear(json.weighted[k], v, `weighted ${k}`);
    if (c.weakItemsBelow85 !== undefined) {
      expect(json.weakItems.map((w: { code: string }) => w.code).sort()).toEqual(
        [...c.weakItemsBelow85].sort(),
      );
    }
    expect(json.missing).toEqual([]);
  });

  it('prints one JSON object with 2-decimal numbers and nulls for what is unknown', async () => {
    const { out } = await run(['--json', fixture('phatthalung-2566.json')]);
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({
      total: 91.98,
      level: 'ผ่าน',
      instruments: { IIT: 88.67, EIT: 84.6, OIT: 100 },
      weakItems: [],
    });
    expect(json.indicators['1']).toBeNull();
    expect(Object.keys(json)).toEqual([
      'fiscalYear',
      'total',
      'level',
      'instruments',
      'indicators',
      'weighted',
      'weakItems',
      'missing',
    ]);
  });

  it('prints a Thai table: total, level, instruments, indicators and weak items with their topic', async () => {
    const { code, out, err } = await run([fixture('pathumthani-2562.csv')]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const text = out.join('\n');
    expect(text).toContain('คะแนนรวม 92.69  ระดับ A (ผ่าน)');
    expect(text).toMatch(/OIT\s+98\.75\s+40%\s+39\.50/);
    expect(text).toMatch(/10 การป้องกันการทุจริต\s+100\.00/);
    expect(text).toContain('ข้อที่ได้คะแนนต่ำกว่าเกณฑ์ (11 ข้อ)');
    expect(text).toMatch(/e6\s+73\.23\s+ตัวชี้วัดที่ 7\s+ประเด็นที่ 3 ช่องทางและรูปแบบ/);
  });

  it('says what is missing in the table', async () => {
    const { out } = await run(
      ['scores.json'],
      async () => '{"fiscalYear": 2567, "instruments": {"IIT": 90}}',
    );
    expect(out.join('\n')).toContain('ยังขาด: คะแนน EIT, คะแนน OIT');
    expect(out.join('\n')).toContain('คะแนนรวม –');
  });

  it.each(['no-extension-csv.txt', 'no-extension-json.txt'])(
    'tells JSON from CSV without an extension (%s)',
    async (name) => {
      const { code, out } = await run([fixture(name), '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(out[0] ?? '')).toMatchObject({ fiscalYear: 2567, total: 93.4, level: 'ผ่านดี' });
    },
  );

  it('prints the usage for --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out[0]).toContain('score FILE [--json]');
  });

  it.each([
    ['no FILE argument', [], ['ต้องระบุไฟล์']],
    ['an unknown option', ['x.csv', '--xml'], ['--xml']],
    ['two files', ['a.csv', 'b.csv'], ['ไฟล์เดียว']],
    ['an unreadable file', [fixture('does-not-exist.csv')], ['ไม่พบไฟล์', 'does-not-exist.csv']],
    [
      'an unknown item code',
      [fixture('unknown-item.csv')],
      ['บรรทัด 4: รหัสข้อ "i99" ไม่มีในกรอบการประเมินปี 2562'],
    ],
    ['a score outside 0–100', [fixture('out-of-range.json')], ['items.i2', '0 ถึง 100']],
    ['no fiscal year', [fixture('no-year.csv'), '--json'], ['fiscalYear', 'ปีงบประมาณ']],
    ['a year with no framework', [fixture('year-2561.json')], ['2561', 'ไม่มีกรอบการประเมิน']],
    ['malformed JSON', [fixture('malformed.json')], ['บรรทัด 3', 'JSON']],
    ['malformed CSV', [fixture('malformed.csv')], ['บรรทัด 4', 'ไม่ใช่ตัวเลข']],
    ['a duplicate code', [fixture('duplicate.csv')], ['บรรทัด 4', 'ซ้ำกับบรรทัด 2']],
  ])('exits 2 with one Thai line for %s', async (_, args, words) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^ข้อผิดพลาด: /);
    expect(err[0]).not.toMatch(/\n|\s+at\s.+:\d+/);
    for (const word of words) expect(err[0]).toContain(word);
  });

  it('exits 2 when reading fails in any other way', async () => {
    const { code, err } = await run(['x.csv'], async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(code).toBe(2);
    expect(err).toEqual(['ข้อผิดพลาด: อ่านไฟล์ "x.csv" ไม่ได้: ไม่มีสิทธิ์อ่านไฟล์']);
  });

  it('counts further errors on the same line', async () => {
    const { err } = await run(['s.json'], async () => '{"fiscalYear": 2562, "items": {"i98": 1, "i99": 2}}');
    expect(err).toEqual(['ข้อผิดพลาด: items.i98: รหัสข้อ "i98" ไม่มีในกรอบการประเมินปี 2562 (และอีก 1 รายการ)']);
  });
});
