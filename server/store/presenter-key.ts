import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new presenter key: 256 random bits, base64url (43 characters). */
export function generatePresenterKey(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a key: the only form in which keys are stored. */
export function hashPresenterKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Constant-time check of `key` against stored hashes. */
export function matchesAnyHash(key: string, hashes: readonly Buffer[]): boolean {
  const candidate = hashPresenterKey(key);
  let found = false;
  for (const hash of hashes) {
    // Visit every hash so timing does not reveal which one matched.
    if (hash.length === candidate.length && timingSafeEqual(hash, candidate)) found = true;
  }
  return found;
}
