// Complaint identity at rest (issue 5 §3): AES-256-GCM with COMPLAINT_KEY, and a keyed hash of the reporter's
// LINE user id ("my complaints", rate limits) that cannot be turned back into the id without the key.
// Web Crypto only, so the same code runs on Node and Workers.

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends

/** Thrown when a sealed value does not open: a wrong COMPLAINT_KEY or a damaged value. Never swallowed. */
export class ComplaintKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComplaintKeyError';
  }
}

export interface ComplaintCrypto {
  /** Encrypts text; every call uses a fresh nonce, so equal texts give different values. */
  seal(plain: string): Promise<string>;
  /** Decrypts a value from seal(); throws ComplaintKeyError when the key is wrong or the value damaged. */
  open(sealed: string): Promise<string>;
  /** HMAC-SHA256 of a LINE user id under a subkey of COMPLAINT_KEY, hex: equal ids give equal hashes. */
  reporterHash(userId: string): Promise<string>;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A new random key in the form COMPLAINT_KEY takes (what `openssl rand -base64 32` prints). */
export function generateComplaintKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** Keys are imported on first use, so a synchronous entry point (a Worker's first request) can build it. */
export function createComplaintCrypto(keyBase64: string): ComplaintCrypto {
  const raw = fromBase64(keyBase64);
  if (raw.length !== 32) throw new ComplaintKeyError('COMPLAINT_KEY must be 32 bytes in base64');
  let keys: Promise<{ aes: CryptoKey; hmac: CryptoKey }> | undefined;
  const load = () => {
    keys ??= (async () => {
      const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
      // The hash key is derived, not the AES key itself: one secret, two independent uses (RFC 5869).
      const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
      const hmac = await crypto.subtle.deriveKey(
        {
          name: 'HKDF',
          hash: 'SHA-256',
          salt: new Uint8Array(0),
          info: new TextEncoder().encode('ita-line reporter hash'),
        },
        base,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      );
      return { aes, hmac };
    })();
    return keys;
  };

  return {
    async seal(plain) {
      const { aes } = await load();
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const body = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(plain)),
      );
      const joined = new Uint8Array(IV_BYTES + body.length);
      joined.set(iv);
      joined.set(body, IV_BYTES);
      return `${VERSION}.${toBase64(joined)}`;
    },
    async open(sealed) {
      const { aes } = await load();
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || payload === undefined) {
        throw new ComplaintKeyError('not a sealed complaint value');
      }
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = fromBase64(payload);
      } catch {
        throw new ComplaintKeyError('not a sealed complaint value');
      }
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) },
          aes,
          bytes.slice(IV_BYTES),
        );
        return new TextDecoder().decode(plain);
      } catch {
        throw new ComplaintKeyError(
          'a complaint value does not open with COMPLAINT_KEY: wrong key or damaged data',
        );
      }
    },
    async reporterHash(userId) {
      const { hmac } = await load();
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(userId)));
      return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
    },
  };
}
