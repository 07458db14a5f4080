// The intake rules: Thai phone numbers, description and name limits, photos, types — with the Thai messages.
import { describe, expect, it } from 'vitest';
import {
  INTAKE_RULES,
  parseComplaintType,
  validateDescription,
  validateName,
  validatePhoto,
  validateWhenWhere,
} from '../../../core/complaints/intake-rules.ts';
import { formatThaiPhone, normalizeThaiPhone, phoneKindOf } from '../../../core/complaints/phone.ts';

describe('normalizeThaiPhone', () => {
  it.each([
    ['0812345678', '0812345678', 'mobile'],
    ['081-234-5678', '0812345678', 'mobile'],
    ['081 234 5678', '0812345678', 'mobile'],
    ['+66812345678', '0812345678', 'mobile'],
    ['+66 81 234 5678', '0812345678', 'mobile'],
    ['66812345678', '0812345678', 'mobile'],
    ['+66 0 81 234 5678', '0812345678', 'mobile'],
    ['๐๘๑-๒๓๔-๕๖๗๘', '0812345678', 'mobile'],
    ['0612345678', '0612345678', 'mobile'],
    ['0912345678', '0912345678', 'mobile'],
    ['02-123-4567', '021234567', 'landline'],
    ['+66 2 123 4567', '021234567', 'landline'],
    ['053-123-456', '053123456', 'landline'],
    ['(074) 123456', '074123456', 'landline'],
  ])('accepts %j as %s (%s)', (typed, digits, kind) => {
    const checked = normalizeThaiPhone(typed);
    expect(checked).toEqual({ ok: true, value: digits });
    expect(phoneKindOf(digits)).toBe(kind);
  });

  it.each([
    ['too short', '081234567'],
    ['too long', '08123456789'],
    ['mobile prefix 07', '0712345678'],
    ['landline prefix 01', '012345678'],
    ['landline prefix 08 with 9 digits', '081234567'],
    ['letters', '08l2345678'],
    ['empty', ''],
    ['a foreign number', '+1 415 555 0100'],
  ])('refuses %s', (_why, typed) => {
    const checked = normalizeThaiPhone(typed);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain('หมายเลขโทรศัพท์ไม่ถูกต้อง');
  });

  it('writes numbers as Thai people read them', () => {
    expect(formatThaiPhone('0812345678')).toBe('081-234-5678');
    expect(formatThaiPhone('021234567')).toBe('02-123-4567');
    expect(formatThaiPhone('053123456')).toBe('053-123-456');
  });
});

describe('intake validators', () => {
  it('takes a description of 10 to 5,000 characters, trimmed, line breaks kept', () => {
    expect(validateDescription('  สั้นไป  ')).toMatchObject({
      ok: false,
      message: expect.stringContaining('อย่างน้อย 10'),
    });
    expect(validateDescription('ก'.repeat(10))).toEqual({ ok: true, value: 'ก'.repeat(10) });
    expect(validateDescription(' บรรทัดหนึ่ง\nบรรทัดสอง ')).toEqual({ ok: true, value: 'บรรทัดหนึ่ง\nบรรทัดสอง' });
    expect(validateDescription('ก'.repeat(INTAKE_RULES.descriptionMax)).ok).toBe(true);
    expect(validateDescription('ก'.repeat(5_001))).toMatchObject({
      ok: false,
      message: expect.stringContaining('5,000'),
    });
  });

  it('takes names of letters only', () => {
    expect(validateName('สมชาย ใจดี')).toEqual({ ok: true, value: 'สมชาย ใจดี' });
    expect(validateName("John O'Neil-Smith").ok).toBe(true);
    for (const bad of ['ก', 'สมชาย123', 'http://x.y', '😀😀😀', 'ก'.repeat(101)])
      expect(validateName(bad).ok).toBe(false);
  });

  it('treats an empty "when and where" as not given and refuses a long one', () => {
    expect(validateWhenWhere('  ')).toEqual({ ok: true, value: null });
    expect(validateWhenWhere('เมื่อวาน ที่อำเภอ')).toEqual({ ok: true, value: 'เมื่อวาน ที่อำเภอ' });
    expect(validateWhenWhere('ก'.repeat(501)).ok).toBe(false);
  });

  it('takes JPEG, PNG and WebP photos up to 1 เมกะไบต์, by their bytes, not a declared type', () => {
    const jpeg = new Uint8Array(1_000_000);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56]);
    expect(validatePhoto(jpeg)).toEqual({ ok: true, value: 'image/jpeg' });
    expect(validatePhoto(png)).toEqual({ ok: true, value: 'image/png' });
    expect(validatePhoto(webp)).toEqual({ ok: true, value: 'image/webp' });
    const big = new Uint8Array(1_000_001);
    big.set([0xff, 0xd8, 0xff]);
    expect(validatePhoto(big)).toMatchObject({ ok: false, message: expect.stringContaining('1 เมกะไบต์') });
    expect(validatePhoto(new TextEncoder().encode('%PDF-1.7 <html><script>')).ok).toBe(false);
    expect(validatePhoto(new Uint8Array(0)).ok).toBe(false);
  });

  it('reads a typed type', () => {
    expect(parseComplaintType('1')).toBe('corruption');
    expect(parseComplaintType('๒')).toBe('service');
    expect(parseComplaintType('อื่นๆ')).toBe('other');
    expect(parseComplaintType('Service')).toBe('service');
    expect(parseComplaintType('ไม่รู้')).toBeUndefined();
  });
});
