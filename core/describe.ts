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
