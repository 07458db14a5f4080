// Reading "รายงาน IIT 45" / "report EIT 120": instruments, Thai digits, units, and every bad count.
import { describe, expect, it } from 'vitest';
import { parseCountReport } from '../../../core/surveys/report-text.ts';

describe('parseCountReport', () => {
  it.each([
    ['IIT 45', { kind: 'report', instrument: 'IIT', count: 45 }],
    ['eit 120', { kind: 'report', instrument: 'EIT', count: 120 }],
    ['EIT ๑๒๐', { kind: 'report', instrument: 'EIT', count: 120 }],
    ['EIT120', { kind: 'report', instrument: 'EIT', count: 120 }],
    ['IIT 45 คน', { kind: 'report', instrument: 'IIT', count: 45 }],
    ['EIT 1,200 ราย', { kind: 'report', instrument: 'EIT', count: 1200 }],
    ['IIT 0', { kind: 'report', instrument: 'IIT', count: 0 }],
    ['EIT 1000000', { kind: 'report', instrument: 'EIT', count: 1_000_000 }],
    ['', { kind: 'usage' }],
    ['45', { kind: 'missing_instrument', count: 45 }],
    ['OIT 45', { kind: 'unknown_instrument', word: 'OIT' }],
    ['iita 45', { kind: 'unknown_instrument', word: 'iita' }],
    ['IIT', { kind: 'missing_count', instrument: 'IIT' }],
    ['EIT คน', { kind: 'missing_count', instrument: 'EIT' }],
    ['IIT สี่สิบห้า', { kind: 'bad_count', instrument: 'IIT', text: 'สี่สิบห้า', reason: 'not_number' }],
    ['IIT 45abc', { kind: 'bad_count', instrument: 'IIT', text: '45abc', reason: 'not_number' }],
    ['EIT -5', { kind: 'bad_count', instrument: 'EIT', text: '-5', reason: 'negative' }],
    ['EIT 4.5', { kind: 'bad_count', instrument: 'EIT', text: '4.5', reason: 'fraction' }],
    ['EIT 1000001', { kind: 'bad_count', instrument: 'EIT', text: '1000001', reason: 'too_large' }],
    ['การประชุมพรุ่งนี้', { kind: 'other' }],
  ])('%j', (text, expected) => {
    expect(parseCountReport(text)).toEqual(expected);
  });
});
