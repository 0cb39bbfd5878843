import { expect } from 'vitest';
import type { ErrorBody } from '../../shared/protocol.js';

/**
 * Asserts an answer is the contract's error: `status`, JSON, `{"error":{"code","message"}}`
 * with `code` and a message of at least two words, and no stack trace. Returns the body.
 */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\w+ \w+/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  return body;
}
