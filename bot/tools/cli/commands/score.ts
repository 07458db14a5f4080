// `ita score FILE [--json]`: scores a JSON or CSV score file and prints a Thai table or one JSON object.
import {
  ANALYSIS_TOPICS,
  describeMissing,
  describeWeakParts,
  formatOfFileName,
  formatScore,
  frameworkById,
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENTS,
  type ParseError,
  type ParseOutcome,
  padThai,
  parseScoreFile,
  round2,
  type ScoreResult,
  score,
  weaknessOf,
} from '../../../../core/index.ts';

export interface CliIo {
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'วิธีใช้: npm run ita -- score FILE [--json]  (FILE เป็น .json หรือ .csv)';
/** Exit code for bad input or usage, distinct from 1 (an unexpected failure). */
const EXIT_BAD_INPUT = 2;

type Args = { file: string; json: boolean } | { help: true } | { error: string };

function parseArgs(args: readonly string[]): Args {
  let file: string | undefined;
  let json = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') return { error: `ไม่รู้จักตัวเลือก "${arg}" — ${USAGE}` };
    else if (file !== undefined) return { error: `ระบุไฟล์ได้ไฟล์เดียว (ได้รับ "${file}" และ "${arg}") — ${USAGE}` };
    else file = arg;
  }
  return file === undefined ? { error: `ต้องระบุไฟล์คะแนน — ${USAGE}` } : { file, json };
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'ไม่พบไฟล์',
  EISDIR: 'เป็นโฟลเดอร์ ไม่ใช่ไฟล์',
  EACCES: 'ไม่มีสิทธิ์อ่านไฟล์',
};

function readFailure(path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = READ_ERRORS[code] ?? (code === '' ? 'อ่านไม่ได้' : `อ่านไม่ได้ (${code})`);
  return `อ่านไฟล์ "${path}" ไม่ได้: ${reason}`;
}

/** Format from the extension; otherwise JSON when it parses (or looks like JSON), else CSV. */
function parseFile(path: string, text: string): ParseOutcome {
  const format = formatOfFileName(path);
  if (format !== undefined) return parseScoreFile(text, format);
  const asJson = parseScoreFile(text, 'json');
  if (asJson.ok || /^\uFEFF?\s*[[{]/.test(text)) return asJson;
  return parseScoreFile(text, 'csv');
}

/** One line for all the errors: the first, named by line or field, and how many more there are. */
function errorLine(errors: readonly ParseError[]): string {
  const [first] = errors;
  if (first === undefined) return 'ข้อผิดพลาด: ไม่ทราบสาเหตุ';
  const where =
    first.line !== undefined ? `บรรทัด ${first.line}: ` : first.field !== undefined ? `${first.field}: ` : '';
  const more = errors.length > 1 ? ` (และอีก ${errors.length - 1} รายการ)` : '';
  return `ข้อผิดพลาด: ${where}${first.message}${more}`;
}

function shown(value: number | undefined): number | null {
  return value === undefined ? null : round2(value);
}

function jsonOf(result: ScoreResult): string {
  const pick = (values: Partial<Record<string, number>>, keys: readonly (string | number)[]) =>
    Object.fromEntries(keys.map((key) => [String(key), shown(values[String(key)])]));
  return JSON.stringify({
    fiscalYear: result.fiscalYear,
    total: shown(result.total),
    level: result.level?.code ?? null,
    instruments: pick(result.instruments, INSTRUMENTS),
    indicators: pick(result.indicators, INDICATOR_IDS),
    weighted: pick(result.weighted, INSTRUMENTS),
    weakItems: result.weakItems.map((item) => ({
      code: item.code,
      score: round2(item.score),
      indicator: item.indicator,
      topic: item.topic ?? null,
    })),
    missing: result.missing,
  });
}

function cell(value: number | undefined): string {
  return padThai(value === undefined ? '–' : formatScore(value), 8, 'right');
}

function tableOf(result: ScoreResult): string[] {
  const framework = frameworkById(result.frameworkId);
  const lines = [
    `ผลการประเมิน ITA ปีงบประมาณ ${result.fiscalYear} (กรอบ ${result.frameworkId})`,
    `คะแนนรวม ${result.totalDisplay ?? '–'}  ระดับ ${result.level?.label ?? '–'}`,
    '',
    `${padThai('เครื่องมือ', 12)}${padThai('คะแนน', 8, 'right')}${padThai('น้ำหนัก', 9, 'right')}${padThai('ถ่วงน้ำหนัก', 13, 'right')}`,
  ];
  for (const instrument of INSTRUMENTS) {
    const weight = framework === undefined ? '' : `${Math.round(framework.weights[instrument] * 100)}%`;
    lines.push(
      `${padThai(instrument, 12)}${cell(result.instruments[instrument])}${padThai(weight, 9, 'right')}${padThai(cell(result.weighted[instrument]), 13, 'right')}`,
    );
  }
  lines.push('', `${padThai('ตัวชี้วัด', 36)}${padThai('คะแนน', 8, 'right')}`);
  for (const id of INDICATOR_IDS) {
    lines.push(
      `${padThai(`${String(id).padStart(2)} ${INDICATOR_NAMES[id]}`, 36)}${cell(result.indicators[id])}`,
    );
  }
  const weakness = framework === undefined ? undefined : weaknessOf(result, framework);
  if (weakness?.levelReason !== undefined) lines.push('', weakness.levelReason);
  const parts = weakness === undefined ? [] : describeWeakParts(weakness);
  if (parts.length > 0) lines.push('', `ต่ำกว่าเกณฑ์: ${parts.join(', ')}`);
  lines.push('', `ข้อที่ได้คะแนนต่ำกว่าเกณฑ์ (${result.weakItems.length} ข้อ)`);
  for (const item of result.weakItems) {
    const topic = ANALYSIS_TOPICS.find((t) => t.id === item.topic);
    const topicText = topic === undefined ? '' : `  ประเด็นที่ ${topic.id} ${topic.title}`;
    lines.push(`${padThai(item.code, 5)}${cell(item.score)}  ตัวชี้วัดที่ ${item.indicator}${topicText}`);
  }
  if (result.missing.length > 0) lines.push('', `ยังขาด: ${result.missing.map(describeMissing).join(', ')}`);
  return lines;
}

/** Runs the command; returns the exit code (0 done, 2 bad input or usage). Never throws on bad input. */
export async function runScore(args: string[], io: CliIo): Promise<number> {
  const parsedArgs = parseArgs(args);
  if ('help' in parsedArgs) {
    io.out(USAGE);
    return 0;
  }
  if ('error' in parsedArgs) {
    io.err(`ข้อผิดพลาด: ${parsedArgs.error}`);
    return EXIT_BAD_INPUT;
  }
  let text: string;
  try {
    text = await io.readFile(parsedArgs.file);
  } catch (error) {
    io.err(`ข้อผิดพลาด: ${readFailure(parsedArgs.file, error)}`);
    return EXIT_BAD_INPUT;
  }
  const parsed = parseFile(parsedArgs.file, text);
  if (!parsed.ok) {
    io.err(errorLine(parsed.errors));
    return EXIT_BAD_INPUT;
  }
  const outcome = score(parsed.input);
  if (!outcome.ok) {
    // Put the CSV line on score()'s errors, which only know the field.
    io.err(errorLine(outcome.errors.map((e) => ({ ...e, line: parsed.lines[e.field] }))));
    return EXIT_BAD_INPUT;
  }
  if (parsedArgs.json) io.out(jsonOf(outcome.result));
  else for (const line of tableOf(outcome.result)) io.out(line);
  return 0;
}
