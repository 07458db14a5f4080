// The complaint form's rules: each step's check gives core's own Thai message (the chat's and the API's), and the
// request body carries name and phone only for a named complaint.
import { describe, expect, it } from 'vitest';
import { validateDescription, validateName } from '../../../../core/complaints/intake-rules.ts';
import { PHONE_MESSAGE } from '../../../../core/complaints/phone.ts';
import {
  bodyOf,
  checkStep,
  EMPTY_FORM,
  type FormState,
  firstInvalidStep,
  newSubmissionId,
} from '../../../../liff/src/features/complaints/form-model.ts';
import { scaledSize } from '../../../../liff/src/features/complaints/photos.ts';

const FILLED: FormState = {
  ...EMPTY_FORM,
  accepted: true,
  type: 'service',
  agency: { id: 'pathum-thani-treasury', name: 'สำนักงานคลังจังหวัดปทุมธานี' },
  description: 'เจ้าหน้าที่เรียกเก็บเงินเพิ่มโดยไม่มีใบเสร็จ',
  identityMode: 'named',
  name: 'สมชาย ใจดี',
  phone: '๐๘๑-๒๓๔-๕๖๗๘',
};

function messageOf(check: { ok: true } | { ok: false; message: string }): string {
  return check.ok ? '' : check.message;
}

describe('checkStep', () => {
  it('asks for consent before anything else', () => {
    expect(checkStep('privacy', EMPTY_FORM)).toEqual({ accepted: 'โปรดอ่านและกดยอมรับก่อนแจ้งเรื่อง' });
    expect(checkStep('privacy', { ...EMPTY_FORM, accepted: true })).toEqual({});
  });

  it('needs a type and an agency, where "ไม่ทราบ" (null) counts as an answer', () => {
    expect(Object.keys(checkStep('what', EMPTY_FORM)).sort()).toEqual(['agency', 'type']);
    expect(checkStep('what', { ...EMPTY_FORM, type: 'corruption', agency: null })).toEqual({});
  });

  it.each([
    ['too short', 'สั้นไป'],
    ['too long', 'ก'.repeat(5_001)],
  ])('gives core’s message when the description is %s', (_, description) => {
    const errors = checkStep('story', { ...EMPTY_FORM, description });
    expect(errors.description).toBe(messageOf(validateDescription(description)));
    expect(errors.description).not.toBe('');
  });

  it('accepts 10 to 5,000 characters of description, counted after trimming', () => {
    expect(checkStep('story', { ...EMPTY_FORM, description: `  ${'ก'.repeat(10)}  ` })).toEqual({});
    expect(
      checkStep('story', { ...EMPTY_FORM, description: `  ${'ก'.repeat(9)}  ` }).description,
    ).toBeDefined();
    expect(checkStep('story', { ...EMPTY_FORM, description: 'ก'.repeat(5_000) })).toEqual({});
  });

  it('lets when and where stay empty but not run past 500 characters', () => {
    expect(checkStep('whenWhere', EMPTY_FORM)).toEqual({});
    expect(checkStep('whenWhere', { ...EMPTY_FORM, place: 'ก'.repeat(501) }).place).toMatch(/ไม่เกิน 500/);
  });

  it('needs a name and a Thai phone only when named', () => {
    expect(checkStep('identity', EMPTY_FORM)).toEqual({ identityMode: 'โปรดเลือกวิธีระบุตัวตน' });
    expect(checkStep('identity', { ...EMPTY_FORM, identityMode: 'code_only' })).toEqual({});
    expect(checkStep('identity', { ...EMPTY_FORM, identityMode: 'anonymous_updates' })).toEqual({});
    const named = checkStep('identity', { ...EMPTY_FORM, identityMode: 'named', name: 'ก1', phone: '12345' });
    expect(named).toEqual({ name: messageOf(validateName('ก1')), phone: PHONE_MESSAGE });
    expect(checkStep('identity', FILLED)).toEqual({});
    expect(checkStep('identity', { ...FILLED, phone: '+66 2 123 4567' })).toEqual({});
  });
});

describe('firstInvalidStep', () => {
  it('finds the earliest step with a problem, and none for a complete form', () => {
    expect(firstInvalidStep(EMPTY_FORM)).toBe('privacy');
    expect(firstInvalidStep({ ...FILLED, description: 'สั้น' })).toBe('story');
    expect(firstInvalidStep({ ...FILLED, phone: '' })).toBe('identity');
    expect(firstInvalidStep(FILLED)).toBeUndefined();
  });
});

describe('bodyOf', () => {
  it('sends the normalised phone and the name with a named complaint', () => {
    const body = bodyOf({ ...FILLED, location: { lat: 14.02, lng: 100.52 } }, 'id-1');
    expect(body).toMatchObject({
      submissionId: 'id-1',
      type: 'service',
      agencyId: 'pathum-thani-treasury',
      identityMode: 'named',
      name: 'สมชาย ใจดี',
      phone: '0812345678',
      lat: 14.02,
      lng: 100.52,
      occurredAt: null,
      place: null,
      photos: [],
    });
  });

  it('sends no name or phone for an anonymous complaint even if some were typed', () => {
    const body = bodyOf({ ...FILLED, identityMode: 'anonymous_updates', agency: null }, 'id-2');
    expect(body.name).toBeNull();
    expect(body.phone).toBeNull();
    expect(body.agencyId).toBeNull();
  });
});

describe('newSubmissionId', () => {
  it('draws a fresh version-4 UUID each time', () => {
    const a = newSubmissionId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newSubmissionId()).not.toBe(a);
  });
});

describe('scaledSize', () => {
  it('shrinks the long side to 1,600 px keeping proportions, and never enlarges', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
