// Thai digits in display and parsing.
import { describe, expect, it } from 'vitest';
import { parseThaiNumber, thaiDisplayWidth, toArabicDigits, toThaiDigits } from '../../core/index.ts';

describe('Thai digits', () => {
  it('turns Thai digits into Arabic ones and back', () => {
    expect(toArabicDigits('๙๒.๖๙')).toBe('92.69');
    expect(toArabicDigits('ปี ๒๕๖๗ ข้อ 1๔')).toBe('ปี 2567 ข้อ 14');
    expect(toThaiDigits('92.69')).toBe('๙๒.๖๙');
    expect(toThaiDigits(2567)).toBe('๒๕๖๗');
    expect(toThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
  });

  it.each([
    ['๙๒.๖๙', 92.69],
    ['92.69', 92.69],
    [' 100 ', 100],
    ['๑,๒๓๔.๕', 1234.5],
    ['1,234,567', 1234567],
    ['-3', -3],
    ['+0.53', 0.53],
    ['.5', 0.5],
    ['9๒.6๙', 92.69],
  ])('parses %j as %s', (text, value) => {
    expect(parseThaiNumber(text)).toBe(value);
  });

  it.each(['', '  ', 'abc', '12abc', '1,2', '1.2.3', '--1', '92,69', 'NaN', 'Infinity', '1e3'])(
    'refuses %j',
    (text) => {
      expect(parseThaiNumber(text)).toBeUndefined();
    },
  );

  it('counts Thai combining marks as no column', () => {
    expect(thaiDisplayWidth('การปฏิบัติหน้าที่')).toBe(11);
    expect(thaiDisplayWidth('IIT')).toBe(3);
  });
});
