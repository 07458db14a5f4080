// x-line-signature check: HMAC-SHA256 of the raw body with the channel secret, constant-time (WebCrypto).
// Source: https://developers.line.biz/en/reference/messaging-api/#signature-validation
const encoder = new TextEncoder();

function decodeBase64(value: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

// One imported key per secret: the channel secret does not change while the process runs.
const verifyKeys = new Map<string, Promise<CryptoKey>>();

function verifyKeyFor(channelSecret: string): Promise<CryptoKey> {
  let key = verifyKeys.get(channelSecret);
  if (key === undefined) {
    const raw = encoder.encode(channelSecret);
    key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    verifyKeys.set(channelSecret, key);
  }
  return key;
}

export async function verifyLineSignature(
  rawBody: string,
  signature: string,
  channelSecret: string,
): Promise<boolean> {
  const sig = decodeBase64(signature);
  if (sig === undefined || sig.length !== 32) return false;
  const key = await verifyKeyFor(channelSecret);
  // subtle.verify compares in constant time.
  return crypto.subtle.verify('HMAC', key, sig, encoder.encode(rawBody));
}

/** Signs a body the way LINE does; used by the local simulator and tests to send real signed events. */
export async function signLineBody(rawBody: string, channelSecret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(channelSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(rawBody)));
  return btoa(String.fromCharCode(...mac));
}
