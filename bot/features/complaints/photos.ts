// Photos of a chat draft: fetched from LINE's content API right after they arrive (LINE keeps them only for a
// while), checked against the intake rules, and stored on the draft's intake key, at most 5 — counted and stored
// in one statement, as the photos of one multi-photo send arrive as concurrent events.

import type { Check } from '../../../core/complaints/intake-rules.ts';
import { INTAKE_RULES, validatePhoto } from '../../../core/complaints/intake-rules.ts';
import { addDraftPhotoUnderCap, countDraftAttachments } from '../../../db/queries/complaint-attachments.ts';
import type { Deps } from '../../deps.ts';
import { LineApiError } from '../../line/errors.ts';

export async function storePhoto(
  deps: Deps,
  draftId: string,
  image: { messageId: string; external: boolean },
  now: Date,
): Promise<Check<number>> {
  if (image.external)
    return { ok: false, message: 'รูปนี้เป็นลิงก์จากแอปอื่น ระบบดึงมาเก็บไม่ได้ โปรดส่งเป็นรูปภาพจากเครื่องค่ะ' };
  const full = {
    ok: false as const,
    message: `แนบรูปครบ ${INTAKE_RULES.maxPhotos} รูปแล้ว กด "เสร็จ" เพื่อไปขั้นต่อไป`,
  };
  // A cheap look first, so a photo past the cap is not fetched; the insert below is what holds the cap.
  if ((await countDraftAttachments(deps.db, draftId)) >= INTAKE_RULES.maxPhotos) return full;
  let content: { bytes: Uint8Array; contentType: string };
  try {
    content = await deps.line.getContent(image.messageId);
  } catch (error) {
    // 404/410: LINE no longer has it (or never had it); anything else is for the inbox to retry.
    if (error instanceof LineApiError && error.status >= 400 && error.status < 500) {
      deps.log.warn('complaint photo not available from LINE', { status: error.status });
      return { ok: false, message: 'ดึงรูปนี้จาก LINE ไม่ได้แล้ว โปรดส่งใหม่อีกครั้งค่ะ' };
    }
    throw error;
  }
  const checked = validatePhoto(content.bytes);
  if (!checked.ok) return checked;
  const added = await addDraftPhotoUnderCap(
    deps.db,
    { intakeKey: draftId, lineMessageId: image.messageId, contentType: checked.value, bytes: content.bytes },
    INTAKE_RULES.maxPhotos,
    now,
  );
  if (added.kind === 'full') return full;
  return { ok: true, value: await countDraftAttachments(deps.db, draftId) };
}
