import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, ErrorBody } from '../../../shared/protocol.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

describe('PODIUM_ADMIN_TOKEN guards deck creation', () => {
  let server: TestServer;
  const create = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/decks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ markdown: SAMPLE_DECK }),
    });
  const expect401 = async (res: Response, code: string) => {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="podium-admin"/);
    expect(((await res.json()) as ErrorBody).error.code).toBe(code);
  };

  beforeAll(async () => {
    server = await startTestServer({ adminToken: ADMIN_TOKEN });
  });
  afterAll(() => server.stop());

  it('refuses to create a deck without the token, with a wrong one, or one that merely starts like it', async () => {
    await expect401(await create({}), 'missing_key');
    await expect401(await create({ Authorization: 'Bearer nope' }), 'invalid_key');
    await expect401(await create({ Authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` }), 'invalid_key');
    await expect401(await create({ Authorization: `Bearer ${ADMIN_TOKEN}x` }), 'invalid_key');
    await expect401(await create({ Authorization: ADMIN_TOKEN }), 'invalid_key');
    await expect401(
      await create({ Authorization: `Basic ${Buffer.from(`a:${ADMIN_TOKEN}`).toString('base64')}` }),
      'invalid_key',
    );
  });

  it('creates a deck with the token; the token is not a presenter key and a presenter key is not the token', async () => {
    const res = await create({ Authorization: `bearer  ${ADMIN_TOKEN}` });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateDeckResponse;
    expect((await server.putSlide(created.deck.id, ADMIN_TOKEN, 1)).status).toBe(401);
    await expect401(await create({ Authorization: `Bearer ${created.presenterKey}` }), 'invalid_key');
    expect((await server.putSlide(created.deck.id, created.presenterKey, 1)).status).toBe(200);
  });
});
