// The part of the complaint form kept across a LIFF reload (lib/form-draft.ts), and the checks a stored copy must
// pass before it refills the form: storage is input like any other, and may be old, edited or broken.
import { INTAKE_RULES, isIdentityMode } from '../../../../core/complaints/intake-rules.ts';
import { isComplaintType } from '../../../../core/complaints/status.ts';
import { isOneOf } from '../../../../core/one-of.ts';
import { isRecord } from '../../lib/form-draft.ts';
import { EMPTY_FORM, FORM_STEPS, type FormState, type FormStep, firstInvalidStep } from './form-model.ts';

/** The form's name in the storage key (draftKeyOf). */
export const COMPLAINT_DRAFT = 'complaint-new';

/**
 * Text fields and choices only. Name and phone are left out on purpose: personal data must not sit in browser
 * storage, where anyone holding the phone can read it (the server keeps them only encrypted, DESIGN §4.3).
 * Photos are left out too: their bytes would fill the few MB storage has, and a photo identifies as much as a name.
 */
export interface ComplaintDraft {
  step: FormStep;
  /** Kept so that a send whose answer was lost to the reload is not filed twice (the server dedupes on it). */
  submissionId: string;
  accepted: boolean;
  type: FormState['type'];
  agency: FormState['agency'];
  description: string;
  occurredAt: string;
  place: string;
  location: FormState['location'];
  identityMode: FormState['identityMode'];
}

/** The textarea's own limit; anything longer was not typed into this form. */
const MAX_TEXT = INTAKE_RULES.descriptionMax + 500;
/** The shape newSubmissionId gives (a UUID; the server checks it closely). */
const UUID = /^[\da-f-]{36}$/i;

/**
 * What to store for this moment of the form; undefined while nothing has been filled in yet. Field by field,
 * never `...form`: a field added to the form later is not stored until someone decides it may be.
 */
export function draftOf(form: FormState, step: FormStep, submissionId: string): ComplaintDraft | undefined {
  const { accepted, type, agency, description, occurredAt, place, location, identityMode } = form;
  const blank = !(
    type ||
    agency !== undefined ||
    (description + occurredAt + place).trim() ||
    location ||
    identityMode
  );
  if (step === 'privacy' && blank) return undefined;
  return {
    step,
    submissionId,
    accepted,
    type,
    agency,
    description,
    occurredAt,
    place,
    location,
    identityMode,
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

/** NaN and the infinities fail too. */
const isWithin = (value: unknown, limit: number): boolean =>
  typeof value === 'number' && Math.abs(value) <= limit;

/** Absent (not chosen yet), null ("ไม่ทราบ") or one picked. */
const isAgency = (value: unknown): value is FormState['agency'] =>
  value === undefined ||
  value === null ||
  (isRecord(value) && typeof value.id === 'string' && isText(value.name));

const isLocation = (value: unknown): value is FormState['location'] =>
  value === null || (isRecord(value) && isWithin(value.lat, 90) && isWithin(value.lng, 180));

/**
 * The form refilled from a stored draft, on its step or on the first earlier step that needs something again (a
 * named draft returns to the identity step: name and phone were not kept); undefined unless every field has its
 * form's shape.
 */
export function restoreDraft(
  data: unknown,
): { form: FormState; step: FormStep; submissionId: string } | undefined {
  if (!isRecord(data)) return undefined;
  const {
    step,
    submissionId,
    accepted,
    type,
    agency,
    description,
    occurredAt,
    place,
    location,
    identityMode,
  } = data;
  const valid =
    isOneOf(FORM_STEPS, step) &&
    typeof submissionId === 'string' &&
    UUID.test(submissionId) &&
    typeof accepted === 'boolean' &&
    (type === null || isComplaintType(type)) &&
    isAgency(agency) &&
    isText(description) &&
    isText(occurredAt) &&
    isText(place) &&
    isLocation(location) &&
    (identityMode === null || isIdentityMode(identityMode));
  if (!valid) return undefined;
  const form = {
    ...EMPTY_FORM,
    accepted,
    type,
    agency,
    description,
    occurredAt,
    place,
    location,
    identityMode,
  };
  return { form, step: firstInvalidStep(form, step) ?? step, submissionId };
}
