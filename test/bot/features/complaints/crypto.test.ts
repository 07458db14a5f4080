// Complaint identity sealing: round trip, a fresh nonce each time, a wrong key that fails loudly, a stable hash.
import { describe, expect, it } from 'vitest';
import {
  ComplaintKeyError,
  createComplaintCrypto,
  generateComplaintKey,
} from '../../../../bot/features/complaints/crypto.ts';
import { COMPLAINT_KEY } from '../../../support/harness.ts';

const crypto = createComplaintCrypto(COMPLAINT_KEY);
const identity = JSON.stringify({ name: 'สมชาย ใจดี', phone: '0812345678' });

describe('complaintCrypto', () => {
  it('opens what it sealed, and the sealed text shows nothing of it', async () => {
    const sealed = await crypto.seal(identity);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('0812345678');
    expect(await crypto.open(sealed)).toBe(identity);
  });

  it('uses a fresh nonce: the same text seals differently each time', async () => {
    const [a, b] = [await crypto.seal(identity), await crypto.seal(identity)];
    expect(a).not.toBe(b);
    expect(a.slice(3, 19)).not.toBe(b.slice(3, 19));
  });

  it('throws ComplaintKeyError with another key, and for damaged values', async () => {
    const sealed = await crypto.seal(identity);
    const other = createComplaintCrypto(generateComplaintKey());
    await expect(other.open(sealed)).rejects.toBeInstanceOf(ComplaintKeyError);
    const flipped = `${sealed.slice(0, -4)}${sealed.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(crypto.open(flipped)).rejects.toBeInstanceOf(ComplaintKeyError);
    await expect(crypto.open('plain text')).rejects.toBeInstanceOf(ComplaintKeyError);
    expect(() => createComplaintCrypto('c2hvcnQ=')).toThrow(ComplaintKeyError);
  });

  it('hashes a user id the same way every time, differently per key and per user', async () => {
    const user = `U${'1'.repeat(32)}`;
    const hash = await crypto.reporterHash(user);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await createComplaintCrypto(COMPLAINT_KEY).reporterHash(user)).toBe(hash);
    expect(await crypto.reporterHash(`U${'2'.repeat(32)}`)).not.toBe(hash);
    expect(await createComplaintCrypto(generateComplaintKey()).reporterHash(user)).not.toBe(hash);
  });
});
