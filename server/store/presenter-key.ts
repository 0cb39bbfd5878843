import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new presenter key: 256 random bits, base64url (43 characters). */
export function generatePresenterKey(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a key: the only form in which keys are stored. */
export function hashPresenterKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Position of the hash that `key` matches, or -1; every hash is compared, so timing reveals nothing. */
export function indexOfHash(key: string, hashes: readonly Buffer[]): number {
  const candidate = hashPresenterKey(key);
  let found = -1;
  hashes.forEach((hash, index) => {
    if (hash.length === candidate.length && timingSafeEqual(hash, candidate)) found = index;
  });
  return found;
}
