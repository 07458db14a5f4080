// The citizen's complaint form: one step at a time (privacy → type/agency → story → when/where → photos →
// identity → summary), each step checked before the next, then the receipt with the tracking code. Kept as a
// draft across LIFF reloads (complaint-draft.ts says what is kept, and what never is).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { COMPLAINT_DRAFT, draftOf, restoreDraft } from './draft.ts';
import {
  bodyOf,
  checkStep,
  EMPTY_FORM,
  type FieldErrors,
  FORM_STEPS,
  type FormState,
  type FormStep,
  firstInvalidStep,
  newSubmissionId,
  STEP_TITLES,
} from './form-model.ts';
import type { PhotoOutcome } from './photos.ts';
import { ComplaintReceipt } from './receipt.tsx';
import { PrivacyStep, StoryStep, WhatStep, WhenWhereStep } from './steps.tsx';
import { IdentityStep, PhotosStep, SummaryStep } from './steps-more.tsx';
import type { FiledReceipt } from './types.ts';
import './complaint-styles.css';
import { ok } from '../../lib/api.ts';
import { clearDraft, draftKeyOf, readDraft, useDraftWriter } from '../../lib/form-draft.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError } from '../../lib/use-load.ts';

// Which step holds each field the server may name in a 400 (bot/features/complaints/file.ts).
const STEP_OF_FIELD: Record<string, FormStep> = {
  type: 'what',
  agencyId: 'what',
  description: 'story',
  occurredAt: 'whenWhere',
  place: 'whenWhere',
  lat: 'whenWhere',
  lng: 'whenWhere',
  photos: 'photos',
  identityMode: 'identity',
  name: 'identity',
  phone: 'identity',
};

interface Props extends Partial<PageProps> {
  /** Tests pass a stand-in: happy-dom has no canvas to downscale with. */
  preparePhoto?: (file: File) => Promise<PhotoOutcome>;
}

export function ComplaintNewPage(props: Props) {
  const { me } = useSession();
  // One form per person: switching identity (local mode) opens that person's own draft, never this one.
  return <ComplaintForm key={me.userId} {...props} />;
}

function ComplaintForm({ preparePhoto }: Props) {
  const { api, me } = useSession();
  const draftKey = draftKeyOf(COMPLAINT_DRAFT, me.userId);
  const [restored] = useState(() => readDraft(draftKey, restoreDraft));
  const [form, setForm] = useState<FormState>(restored?.form ?? EMPTY_FORM);
  const [step, setStep] = useState<FormStep>(restored?.step ?? 'privacy');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [receipt, setReceipt] = useState<FiledReceipt>();
  // One id per filing: pressing "send" twice, or again after a lost answer, files one complaint (server dedupes).
  const [submissionId, setSubmissionId] = useState(() => restored?.submissionId ?? newSubmissionId());
  const heading = useRef<HTMLHeadingElement>(null);
  const index = FORM_STEPS.indexOf(step);

  useEffect(() => heading.current?.focus(), [step, receipt]);
  useDraftWriter(draftKey, receipt === undefined ? draftOf(form, step, submissionId) : undefined);
  // Said until the person moves on or changes something: by then they have seen their answers are back.
  const notice = form === restored?.form && step === restored.step;

  const update = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const left = { ...e };
      for (const key of Object.keys(patch)) delete left[key as keyof FormState];
      return left;
    });
  };
  const goTo = (next: FormStep) => {
    setErrors(next === step ? errors : {});
    setFailure(undefined);
    setStep(next);
    window.scrollTo?.(0, 0);
  };
  const next = () => {
    const found = checkStep(step, form);
    setErrors(found);
    const following = FORM_STEPS[index + 1];
    if (Object.keys(found).length === 0 && following !== undefined) goTo(following);
  };
  const send = async () => {
    const invalid = firstInvalidStep(form);
    if (invalid !== undefined) {
      goTo(invalid);
      setErrors(checkStep(invalid, form));
      return;
    }
    setSending(true);
    setFailure(undefined);
    try {
      const filed = await ok(api.complaints.$post({ json: bodyOf(form, submissionId) }));
      clearDraft(draftKey);
      setReceipt(filed);
    } catch (error) {
      const apiError = toApiError(error);
      const issue = apiError.issues[0];
      const field = issue?.path.split('.')[0] ?? '';
      const at = STEP_OF_FIELD[field];
      if (issue !== undefined && at !== undefined) {
        setStep(at);
        setErrors({ [field === 'agencyId' ? 'agency' : field]: issue.message });
      } else setFailure(apiError.message);
    } finally {
      setSending(false);
    }
  };
  const startOver = () => {
    clearDraft(draftKey);
    setForm(EMPTY_FORM);
    setReceipt(undefined);
    setSubmissionId(newSubmissionId());
    goTo('privacy');
    setErrors({}); // after goTo, which keeps the errors of a step it stays on
  };

  if (receipt !== undefined) return <ComplaintReceipt {...receipt} onAnother={startOver} />;
  const props = { form, errors, update };
  return (
    <form
      class="card complaint-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (step === 'confirm') void send();
        else next();
      }}
    >
      {notice && (
        <div role="status">
          <p>ท่านกรอกต่อจากที่ค้างไว้ได้ (ระบบไม่เก็บชื่อ เบอร์โทรศัพท์ และรูปภาพไว้ในเครื่อง)</p>
          <button type="button" class="secondary" onClick={startOver}>
            เริ่มใหม่
          </button>
        </div>
      )}
      <p class="muted small complaint-progress">
        ขั้นที่ {index + 1} จาก {FORM_STEPS.length}
      </p>
      <progress class="complaint-progress-bar" max={FORM_STEPS.length} value={index + 1} aria-hidden="true" />
      <h2 tabIndex={-1} ref={heading}>
        {STEP_TITLES[step]}
      </h2>
      {step === 'privacy' && <PrivacyStep {...props} />}
      {step === 'what' && <WhatStep {...props} />}
      {step === 'story' && <StoryStep {...props} />}
      {step === 'whenWhere' && <WhenWhereStep {...props} />}
      {step === 'photos' && <PhotosStep {...props} prepare={preparePhoto} />}
      {step === 'identity' && <IdentityStep {...props} />}
      {step === 'confirm' && <SummaryStep form={form} />}
      {failure !== undefined && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      <div class="row complaint-nav">
        {index > 0 && (
          <button type="button" class="secondary" onClick={() => goTo(FORM_STEPS[index - 1] ?? 'privacy')}>
            ย้อนกลับ
          </button>
        )}
        <button type="submit" disabled={sending}>
          {step === 'confirm'
            ? sending
              ? 'กำลังส่ง…'
              : 'ยืนยันและส่งเรื่อง'
            : step === 'privacy'
              ? 'ยอมรับและเริ่ม'
              : 'ถัดไป'}
        </button>
      </div>
    </form>
  );
}
