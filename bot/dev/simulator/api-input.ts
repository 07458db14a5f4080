// The simulator API's input, validated at the edge: who sends what in which chat, which chat to read, when to tick.
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { SimulatedInput } from './events.ts';
import type { HistoryEntry } from './history.ts';

const USER_ID = /^U[0-9a-f]{32}$/;
const CHAT_ID = /^[UCR][0-9a-f]{32}$/;

export const SendBody = z
  .object({
    as: z.string().regex(USER_ID, 'must be a LINE user id (U + 32 hex digits)'),
    chat: z.string().regex(CHAT_ID, 'must be a LINE user, group or room id'),
    // LINE's text message limit is 5,000 characters; postback data 300.
    text: z
      .string()
      .max(5000)
      .refine((t) => t.trim() !== '', 'must not be blank')
      .optional(),
    postback: z
      .object({
        data: z.string().min(1).max(300),
        displayText: z.string().max(300).optional(),
        label: z.string().max(40).optional(),
      })
      .optional(),
    event: z.enum(['follow', 'join']).optional(),
  })
  .refine((b) => [b.text, b.postback, b.event].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of text, postback or event',
  })
  .refine((b) => !b.chat.startsWith('U') || b.chat === b.as, {
    message: "a 1:1 chat is the user's own id",
    path: ['chat'],
  })
  .refine((b) => b.event !== 'join' || !b.chat.startsWith('U'), {
    message: 'join happens in a group or room',
    path: ['event'],
  })
  .refine((b) => b.event !== 'follow' || b.chat.startsWith('U'), {
    message: 'follow happens in 1:1 chat',
    path: ['event'],
  });

export const MessagesQuery = z.object({
  chat: z.string().regex(CHAT_ID, 'must be a LINE user, group or room id'),
  after: z.coerce.number().int().min(0).default(0),
});

export const TickBody = z.object({ at: z.iso.datetime({ offset: true }) });

/** The LIFF app of local mode asks for an ID token of one demo person; without `as`, the first (the coordinator). */
export const IdTokenBody = z.object({
  as: z
    .string()
    .regex(/^U[0-9a-f]{32}$/)
    .optional(),
});

export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new HTTPException(400, { message: reason });
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HTTPException(400, { message: 'body is not JSON' });
  }
}

export type SendInput = z.infer<typeof SendBody>;

/** The webhook event kind a send becomes. */
export function inputOf(body: SendInput): SimulatedInput {
  if (body.text !== undefined) return { kind: 'text', text: body.text };
  if (body.postback !== undefined) return { kind: 'postback', data: body.postback.data };
  return { kind: body.event === 'join' ? 'join' : 'follow' };
}

/** How the page shows what the person did: their text, a button's display text, or a note. */
export function shownAs(body: SendInput): Pick<HistoryEntry, 'from' | 'userId' | 'text'> {
  if (body.text !== undefined) return { from: 'user', userId: body.as, text: body.text };
  if (body.postback?.displayText !== undefined)
    return { from: 'user', userId: body.as, text: body.postback.displayText };
  if (body.postback !== undefined)
    return { from: 'note', userId: body.as, text: `กดปุ่ม “${body.postback.label ?? body.postback.data}”` };
  return { from: 'note', userId: body.as, text: body.event === 'join' ? 'เพิ่มบัญชีเข้ากลุ่มนี้' : 'เพิ่มบัญชีเป็นเพื่อน' };
}
