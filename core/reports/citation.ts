// The one sentence every rendering (HTML, Word, mini-app) uses to cite the OIT item a report is published under.
import type { OitCitation } from './types.ts';

/** "ข้อมูลนี้เผยแพร่ตามตัวชี้วัด OIT ข้อ O27 … ปีงบประมาณ พ.ศ. 2568", with the unconfirmed-year note when there is one. */
export function oitCitationText(item: OitCitation): string {
  const line = `ข้อมูลนี้เผยแพร่ตามตัวชี้วัด OIT ข้อ ${item.code} ${item.title} ปีงบประมาณ พ.ศ. ${item.forYear}`;
  return item.unconfirmedNote === undefined ? line : `${line} (${item.unconfirmedNote})`;
}
