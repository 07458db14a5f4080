// Size limits of one message object: text length, alt texts, Flex JSON size, quick reply, sender, image URLs.
import { isJsonObject, type JsonObject } from './json.ts';
import { type ContractError, LINE_LIMITS } from './limit-values.ts';

/** Keys holding image/media URLs LINE fetches itself: https only, at most 2,000 chars (reference #message-objects). */
const MEDIA_URL_KEYS = new Set([
  'originalContentUrl',
  'previewImageUrl',
  'thumbnailImageUrl',
  'imageUrl',
  'iconUrl',
  'baseUrl',
  'url',
  'previewUrl',
]);

const ALT_TEXT_LIMITS: Record<string, number> = {
  flex: LINE_LIMITS.flexAltTextChars,
  template: LINE_LIMITS.templateAltTextChars,
  imagemap: LINE_LIMITS.imagemapAltTextChars,
};

export function checkMessage(message: unknown, at: string): ContractError[] {
  if (!isJsonObject(message)) return [];
  const errors: ContractError[] = [];
  const type = message.type;
  if ((type === 'text' || type === 'textV2') && typeof message.text === 'string') {
    errors.push(...maxChars(message.text, LINE_LIMITS.textChars, `${at}.text`));
  }
  const altLimit = typeof type === 'string' ? ALT_TEXT_LIMITS[type] : undefined;
  if (altLimit !== undefined && typeof message.altText === 'string') {
    errors.push(...maxChars(message.altText, altLimit, `${at}.altText`));
  }
  if (type === 'flex' && isJsonObject(message.contents))
    errors.push(...checkFlex(message.contents, `${at}.contents`));
  errors.push(...checkQuickReply(message.quickReply, `${at}.quickReply`));
  errors.push(...checkSender(message.sender, `${at}.sender`));
  errors.push(...checkMediaUrls(message, at));
  return errors;
}

function maxChars(text: string, limit: number, property: string): ContractError[] {
  return text.length > limit
    ? [{ property, message: `must be at most ${limit} characters, not ${text.length}` }]
    : [];
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkFlex(container: JsonObject, at: string): ContractError[] {
  if (container.type === 'bubble') return checkBubble(container, at);
  if (container.type !== 'carousel' || !Array.isArray(container.contents)) return [];
  const errors: ContractError[] = [];
  const bubbles = container.contents;
  if (bubbles.length > LINE_LIMITS.carouselBubbles) {
    errors.push({
      property: `${at}.contents`,
      message: `a carousel holds at most ${LINE_LIMITS.carouselBubbles} bubbles, not ${bubbles.length}`,
    });
  }
  const bytes = jsonBytes(container);
  if (bytes > LINE_LIMITS.carouselBytes) {
    errors.push({
      property: at,
      message: `carousel JSON must be at most ${LINE_LIMITS.carouselBytes} bytes, not ${bytes}`,
    });
  }
  bubbles.forEach((bubble, i) => {
    if (isJsonObject(bubble)) errors.push(...checkBubble(bubble, `${at}.contents[${i}]`));
  });
  return errors;
}

function checkBubble(bubble: JsonObject, at: string): ContractError[] {
  const bytes = jsonBytes(bubble);
  if (bytes <= LINE_LIMITS.bubbleBytes) return [];
  return [
    { property: at, message: `bubble JSON must be at most ${LINE_LIMITS.bubbleBytes} bytes, not ${bytes}` },
  ];
}

function checkQuickReply(quickReply: unknown, at: string): ContractError[] {
  if (!isJsonObject(quickReply) || !Array.isArray(quickReply.items)) return [];
  const count = quickReply.items.length;
  if (count <= LINE_LIMITS.quickReplyItems) return [];
  return [
    {
      property: `${at}.items`,
      message: `must hold at most ${LINE_LIMITS.quickReplyItems} items, not ${count}`,
    },
  ];
}

function checkSender(sender: unknown, at: string): ContractError[] {
  if (!isJsonObject(sender) || typeof sender.name !== 'string') return [];
  return maxChars(sender.name, LINE_LIMITS.senderNameChars, `${at}.name`);
}

/** Walks the whole message, so Flex images, template thumbnails and quick-reply icons are all covered. */
function checkMediaUrls(value: unknown, at: string): ContractError[] {
  const errors: ContractError[] = [];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) errors.push(...checkMediaUrls(item, `${at}[${i}]`));
    return errors;
  }
  if (!isJsonObject(value)) return errors;
  for (const [key, child] of Object.entries(value)) {
    const property = `${at}.${key}`;
    if (MEDIA_URL_KEYS.has(key) && typeof child === 'string') errors.push(...checkMediaUrl(child, property));
    else if (typeof child === 'object' && child !== null) errors.push(...checkMediaUrls(child, property));
  }
  return errors;
}

function checkMediaUrl(url: string, property: string): ContractError[] {
  const errors: ContractError[] = [];
  if (!url.startsWith('https://')) errors.push({ property, message: 'must be an https URL' });
  if (url.length > LINE_LIMITS.urlChars) {
    errors.push({
      property,
      message: `must be at most ${LINE_LIMITS.urlChars} characters, not ${url.length}`,
    });
  }
  return errors;
}
