// Small pieces every message builder shares: text messages, Flex text lines and bubbles, colours, cut text, plan days.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import { instantOn, isIsoDay } from '../../../core/reminders/index.ts';
import type { LineMessage } from '../client.ts';

export const RED = '#B3261E';
export const AMBER = '#9A6700';
export const GREEN = '#1E7D32';
export const GREY = '#666666';

/** A text message, with quick-reply buttons when given. */
export const text = (t: string, quickReply?: messagingApi.QuickReply): LineMessage =>
  quickReply === undefined ? { type: 'text', text: t } : { type: 'text', text: t, quickReply };

/** A wrapped small Flex text line; `extra` overrides size, colour, weight. */
export const flexText = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({
  type: 'text',
  text: t,
  size: 'sm',
  wrap: true,
  ...extra,
});

/** A small bubble: `contents` stacked in the body, `footer` buttons under it. */
export const kiloBubble = (
  contents: messagingApi.FlexComponent[],
  footer?: messagingApi.FlexButton[],
): messagingApi.FlexBubble => ({
  type: 'bubble',
  size: 'kilo',
  body: { type: 'box', layout: 'vertical', spacing: 'sm', contents },
  ...(footer === undefined ? {} : { footer: { type: 'box', layout: 'vertical', contents: footer } }),
});

/** A link-style button that opens a page (the mini-app, a form). */
export const linkButton = (label: string, uri: string): messagingApi.FlexButton => ({
  type: 'button',
  style: 'link',
  height: 'sm',
  action: { type: 'uri', label, uri },
});

/** Cuts text to `max` characters on whole Thai letters (a vowel mark never hangs alone), ending with "…". */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** A plan date as Thai people write it: '1 ก.ค. 2567' (a stored value that is not a day is shown as it is). */
export function thaiDay(isoDay: string): string {
  return isIsoDay(isoDay) ? formatThaiDate(instantOn(isoDay, 12 * 60)) : isoDay;
}
