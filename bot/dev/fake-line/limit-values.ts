// LINE's published limits and ID formats as constants, shared by the limit checks and the fake.
export interface ContractError {
  /** Where in the body, LINE-style: `messages[0].contents.contents`; empty for the whole request. */
  property: string;
  message: string;
}

export const LINE_LIMITS = {
  /** Request bodies over 2 MB get 413 (reference #status-codes). */
  requestBodyBytes: 2 * 1024 * 1024,
  messagesPerRequest: 5,
  textChars: 5_000,
  flexAltTextChars: 1_500,
  imagemapAltTextChars: 1_500,
  templateAltTextChars: 400,
  /** "30 KB"/"50 KB": taken as 30,000/50,000 bytes so the fake is never looser than LINE. */
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  carouselBubbles: 12,
  quickReplyItems: 13,
  senderNameChars: 20,
  urlChars: 2_000,
  multicastRecipients: 500,
  richMenuImageBytes: 1024 * 1024,
} as const;

export const USER_ID = /^U[0-9a-f]{32}$/;
/** A user, group or room ID: the only things push can address. */
export const CHAT_ID = /^[UCR][0-9a-f]{32}$/;
