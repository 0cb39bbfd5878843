import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../support/errors.js';
import buildClient from '../../support/build-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('talk codes on the page routes', () => {
  let server: TestServer;
  let id = '';

  beforeAll(async () => {
    await buildClient();
    server = await startTestServer();
    id = (await server.createDeck('# One')).deck.id;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('takes a code typed in capitals to its lowercase page, keeping the rest of the path', async () => {
    for (const rest of ['', '/remote', '/present']) {
      const res = await fetch(`${server.url}/d/${id.toUpperCase()}${rest}?projector`, {
        headers: HTML,
        redirect: 'manual',
      });
      expect(res.status).toBe(308);
      expect(res.headers.get('location')).toBe(`/d/${id}${rest}?projector`);
    }
    const followed = await fetch(`${server.url}/d/${id.toUpperCase()}`, { headers: HTML });
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('<podium-audience>');
  });

  it('answers an unknown code with an HTML page that leads back, and JSON to API clients', async () => {
    for (const code of ['nosuchdk', 'not%20a%20code', '-x']) {
      const res = await fetch(`${server.url}/d/${code}`, { headers: HTML });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toContain('<main>');
      expect(page).toMatch(/No talk has the code/);
      expect(page).toContain('<a href="/">Start or join another talk</a>');
    }
    const escaped = await (await fetch(`${server.url}/d/%3Cb%3Ex`, { headers: HTML })).text();
    expect(escaped).not.toContain('<b>');
    await expectError(await fetch(`${server.url}/d/-x`), 404, 'not_found');
    // Without a preference for HTML, a well-formed code still gets its page (the page itself says when it is gone).
    expect((await fetch(`${server.url}/d/nosuchdk`)).status).toBe(200);
  });
});
