// Command matching: Thai digits, spacing, case, longest keyword first, word boundaries for English.
import { describe, expect, it } from 'vitest';
import { matchCommand, normalizeText } from '../../../core/chat/command-text.ts';

const commands = [
  { id: 'bind', keywords: ['ผูกกลุ่ม', 'bind'] },
  { id: 'unbind', keywords: ['ยกเลิกผูกกลุ่ม', 'unbind'] },
  { id: 'cancel', keywords: ['ยกเลิก', 'cancel'] },
  { id: 'report', keywords: ['รายงาน', 'report'] },
  { id: 'help', keywords: ['ช่วยเหลือ', 'help'] },
  { id: 'iit', keywords: ['iit'] },
];

describe('normalizeText', () => {
  it('folds Thai digits, runs of spaces and case', () => {
    expect(normalizeText('  รายงาน   EIT  ๑๒๐ ')).toBe('รายงาน eit 120');
  });
});

describe('matchCommand', () => {
  it.each([
    ['ผูกกลุ่ม 4KX9QP', 'bind', '4KX9QP'],
    ['ผูกกลุ่ม4KX9QP', 'bind', '4KX9QP'],
    ['BIND 4kx9qp', 'bind', '4kx9qp'],
    ['ยกเลิกผูกกลุ่ม', 'unbind', ''],
    ['ยกเลิก', 'cancel', ''],
    ['รายงาน IIT ๔๕', 'report', 'IIT 45'],
    ['report   EIT 120', 'report', 'EIT 120'],
    ['Help', 'help', ''],
    ['iit', 'iit', ''],
  ])('matches %j as %s with args %j', (text, id, args) => {
    const match = matchCommand(text, commands);
    expect(match?.command.id).toBe(id);
    expect(match?.args).toBe(args);
  });

  it.each(['helpful tips', 'iiteration', 'สวัสดีค่ะ', '', 'ขอ help หน่อย'])('does not match %j', (text) => {
    expect(matchCommand(text, commands)).toBeUndefined();
  });
});
