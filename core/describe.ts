// Thai wording of what score() reports as missing, for chat, LIFF and CLI.
import { INDICATOR_IDS, INDICATOR_NAMES } from './frameworks/common.ts';

/** 'OIT' → 'คะแนน OIT'; 'indicator 9' → 'ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล'; 'i5' → 'ข้อ i5'. */
export function describeMissing(entry: string): string {
  const indicator = /^indicator (\d+)$/.exec(entry);
  if (indicator !== null) {
    const id = INDICATOR_IDS.find((n) => String(n) === indicator[1]);
    return id === undefined ? `ตัวชี้วัดที่ ${indicator[1]}` : `ตัวชี้วัดที่ ${id} ${INDICATOR_NAMES[id]}`;
  }
  if (entry === 'IIT' || entry === 'EIT' || entry === 'OIT') return `คะแนน ${entry}`;
  return `ข้อ ${entry}`;
}

/** A score field path in Thai, for people who never saw the JSON: 'instruments.EIT' → 'แบบวัด EIT'. */
export function describeField(field: string): string {
  const [head = '', rest = ''] = field.replace(/^\[\d+\]\./, '').split(/\.(.*)/s);
  switch (head) {
    case 'items':
      return `ข้อ ${rest}`;
    case 'indicators':
      return `ตัวชี้วัดที่ ${rest}`;
    case 'instruments':
      return `แบบวัด ${rest}`;
    case 'eitParts':
      return rest === 'part1' ? 'EIT ส่วนที่ 1' : rest === 'part2' ? 'EIT ส่วนที่ 2' : `EIT ${rest}`;
    case 'fiscalYear':
      return 'ปีงบประมาณ';
    case 'published':
      return rest === 'total' ? 'คะแนนรวม' : rest === 'level' ? 'ระดับผลการประเมิน' : rest;
    case 'agency':
      return 'หน่วยงาน';
    case 'scores':
      return 'คะแนน';
    default:
      return field;
  }
}
