// One-time codes people type to the bot: group binding and the first coordinator's claim — drawn, stored, read.
import type { Db } from '../../../db/db.ts';
import type { BindCode } from '../../../db/queries/bind-codes.ts';
import { createBindCode } from '../../../db/queries/bind-codes.ts';

/**
 * Letters and digits nobody confuses when reading a code aloud or off a phone: no 0/O, no 1/I/L, no 2/Z,
 * 5/S or 8/B. 25 symbols, 6 places: about 244 million codes for a handful live at a time.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_LENGTH = 6;
/** Issue 4 §1: a group code expires in 7 days; the first coordinator's code lives as long. */
const CODE_TTL_MS = 7 * 86_400_000;

export type GroupCodeKind = 'staff' | 'officers';
/** The kind of the first coordinator's code (bind_codes.kind; not a group code). */
export const COORDINATOR_CODE_KIND = 'coordinator';

/** A random code, drawn without modulo bias (values past the largest multiple of 25 are redrawn). */
function drawCode(): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(CODE_LENGTH * 2))) {
      if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What someone typed as a code, folded: upper case, no spaces or dashes ("4kx-9qp" → "4KX9QP"). */
export function readCode(text: string): string {
  return text.replace(/[\s\-–]/g, '').toUpperCase();
}

/** Does the text have the shape of one of our codes (length and alphabet)? */
export function looksLikeCode(text: string): boolean {
  const code = readCode(text);
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Stores a new one-time code, drawing again in the rare case the string is taken. */
export async function issueCode(
  db: Db,
  input: { provinceId: string; agencyId: string | null; kind: string; createdBy: string | null },
  now: Date,
): Promise<BindCode> {
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = drawCode();
    if (await createBindCode(db, { ...input, code, expiresAt }, now)) {
      return {
        code,
        provinceId: input.provinceId,
        agencyId: input.agencyId,
        kind: input.kind,
        createdBy: input.createdBy,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        usedAt: null,
        usedByGroup: null,
        usedByUser: null,
      };
    }
  }
  throw new Error('could not draw a free one-time code in 5 attempts');
}
