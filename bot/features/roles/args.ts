// Reading role commands: `<userId> <role> [agency]` in 1:1 chat, `@mentions [role]` in a bound group.
import type { Role } from '../../../db/schema.ts';
import type { Mentioned } from '../../line/chat/context.ts';

/** A LINE user id as the webhook gives it: "U" and 32 hex digits. */
const USER_ID = /^U[0-9a-f]{32}$/;

/** Role words, Thai and English, longest first so "เจ้าหน้าที่รับเรื่อง" is not read as "เจ้าหน้าที่". */
const ROLE_WORDS: readonly (readonly [string, Role])[] = [
  ['เจ้าหน้าที่รับเรื่องร้องเรียน', 'officer'],
  ['เจ้าหน้าที่รับเรื่อง', 'officer'],
  ['ผู้ประสานงาน', 'coordinator'],
  ['coordinator', 'coordinator'],
  ['เจ้าหน้าที่', 'staff'],
  ['officers', 'officer'],
  ['officer', 'officer'],
  ['staff', 'staff'],
];

/** The Thai name of a role, as used in role commands (and accepted back). */
export const ROLE_WORD: Record<Role, string> = {
  coordinator: 'ผู้ประสานงาน',
  staff: 'เจ้าหน้าที่',
  officer: 'เจ้าหน้าที่รับเรื่อง',
};

/** A role word at the start of the text, and what follows it. */
export function readRole(text: string): { role: Role; rest: string } | undefined {
  const trimmed = text.trim();
  const folded = trimmed.toLowerCase();
  for (const [word, role] of ROLE_WORDS) {
    if (!folded.startsWith(word)) continue;
    const next = folded.charAt(word.length);
    if (/[a-z]$/.test(word) && /[a-z0-9]/.test(next)) continue;
    return { role, rest: trimmed.slice(word.length).trim() };
  }
  return undefined;
}

/** A LINE user id as typed (hex digits in any case), or undefined. */
export function readUserId(token: string): string | undefined {
  const id = `U${token.slice(1).toLowerCase()}`;
  return /^[Uu]/.test(token) && USER_ID.test(id) ? id : undefined;
}

export type RoleRequest =
  | { ok: true; userId: string; role: Role; agencyText: string }
  | { ok: false; problem: 'usage' | 'user' | 'role' | 'agency-needed' | 'no-agency' };

/** `<userId> <role> [agency]`: staff needs an agency, a coordinator takes none, an officer may take one. */
export function parseRoleRequest(args: string): RoleRequest {
  const [first = '', ...rest] = args.trim().split(' ');
  if (first === '') return { ok: false, problem: 'usage' };
  const userId = readUserId(first);
  if (userId === undefined) return { ok: false, problem: 'user' };
  const role = readRole(rest.join(' '));
  if (role === undefined) return { ok: false, problem: 'role' };
  if (role.role === 'staff' && role.rest === '') return { ok: false, problem: 'agency-needed' };
  if (role.role === 'coordinator' && role.rest !== '') return { ok: false, problem: 'no-agency' };
  return { ok: true, userId, role: role.role, agencyText: role.rest };
}

/**
 * In a group: the people mentioned (never the bot itself) and whatever else was typed once their "@name"s are
 * taken out — empty, or the group's own role word.
 */
export function readMentions(
  args: string,
  mentions: readonly Mentioned[],
): { people: Mentioned[]; everyone: boolean; rest: string } {
  let rest = args;
  for (const m of mentions) rest = rest.replace(m.text, ' ');
  const others = mentions.filter((m) => !m.isSelf);
  return {
    people: others.filter((m) => !m.everyone),
    everyone: others.some((m) => m.everyone),
    rest: rest.replace(/\s+/g, ' ').trim(),
  };
}
