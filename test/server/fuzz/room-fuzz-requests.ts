import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-requests.js';

/** What the room fuzzer knows: a deck with a poll and questions, decks it may delete, and keys. */
export interface RoomWorld {
  /** Decks the room routes aim at (the first has a poll), plus an id that never existed. */
  deckIds: string[];
  /** Decks that DELETE may really remove, each with its own key. */
  victims: { id: string; key: string }[];
  pollIds: string[];
  questionIds: string[];
  /** Keys of the room decks and the admin token (never a victim's). */
  tokens: string[];
  adminToken: string;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null');
const REACTIONS = ['applause', 'heart', 'laugh', 'wow', 'thumbs_up', 'question'];
const JUNK_IDS = ['', '0', '-1', '01', '9'.repeat(20), 's1p1', 's0p0', 's99999p1', '%00', '..', 'x'.repeat(200), '😀'];

/** A value of the right name but any type, or of the expected shape. */
const anyOr = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, fc.anything());

function id(world: RoomWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...world.deckIds) },
    fc.constantFrom(...world.victims.map((v) => v.id)),
    fc.constantFrom(...JUNK_IDS).map(encodeURIComponent),
  );
}

function auth(world: RoomWorld): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.tokens).map((t) => `Bearer ${t}`) },
    fc.constant(undefined),
    fc.constantFrom('Bearer', 'Bearer x', `Bearer ${'k'.repeat(3000)}`, 'Basic YTpi'),
  );
}

/** Method, path and body of one call. */
type Call = [string, string, Buffer | null];

/** JSON bodies of the room routes, hostile values included; sometimes not JSON at all. */
function roomCall(world: RoomWorld): fc.Arbitrary<Call> {
  const d = id(world);
  const qid = fc.oneof(fc.constantFrom(...world.questionIds), fc.constantFrom(...JUNK_IDS).map(encodeURIComponent));
  const pollId = fc.oneof(fc.constantFrom(...world.pollIds), fc.constantFrom(...JUNK_IDS).map(encodeURIComponent));
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', '\u202e evil', '<script>x</script>', 'a'.repeat(281), '\u0000\u0007', '😀'.repeat(200)),
  );
  return fc.oneof(
    fc
      .tuple(d, anyOr(fc.constantFrom(...REACTIONS, 'boo', '')))
      .map(([i, r]): Call => ['POST', `/api/decks/${i}/reactions`, json({ reaction: r })]),
    fc.tuple(d, anyOr(fc.boolean())).map(([i, live]): Call => ['POST', `/api/decks/${i}/presence`, json({ live })]),
    {
      weight: 2,
      arbitrary: fc
        .tuple(d, anyOr(text))
        .map(([i, t]): Call => ['POST', `/api/decks/${i}/questions`, json({ text: t })]),
    },
    d.map((i): Call => ['GET', `/api/decks/${i}/questions`, null]),
    fc.tuple(d, qid).map(([i, q]): Call => ['POST', `/api/decks/${i}/questions/${q}/votes`, null]),
    fc
      .tuple(d, qid, anyOr(fc.constantFrom('open', 'answered', 'hidden', 'deleted')))
      .map(([i, q, state]): Call => ['PATCH', `/api/decks/${i}/questions/${q}`, json({ state })]),
    {
      weight: 2,
      arbitrary: fc
        .tuple(d, pollId, anyOr(fc.integer({ min: -2, max: 6 })))
        .map(([i, p, option]): Call => ['POST', `/api/decks/${i}/polls/${p}/votes`, json({ option })]),
    },
    d.map((i): Call => ['GET', `/api/decks/${i}/audience`, null]),
    id(world).map((i): Call => ['DELETE', `/api/decks/${i}`, null]),
  );
}

/** A request of the room routes: the calls above, with any key, content type, cookie, and sometimes a junk body. */
export function roomRequest(world: RoomWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      call: roomCall(world),
      authorization: auth(world),
      // Mostly the call's own body; now and then bytes that are not JSON at all.
      junk: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        fc.uint8Array({ maxLength: 200 }).map(Buffer.from),
        fc.constant(Buffer.from('{"text":')),
      ),
      contentType: fc.oneof(
        { weight: 12, arbitrary: fc.constant('application/json') },
        fc.constantFrom('text/plain', 'application/json; charset=utf-16', '', 'multipart/form-data; boundary=x'),
      ),
      cookie: fc.option(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((v) => `podium_viewer=${v}`),
          fc.constantFrom('podium_viewer=', 'podium_viewer=%00', `podium_viewer=${'v'.repeat(5000)}`, ';;='),
        ),
        { nil: undefined },
      ),
    })
    .map(({ call: [method, path, body], authorization, junk, contentType, cookie }) => {
      const headers: Record<string, string> = { 'Content-Type': contentType };
      // The room decks stay for the whole run: a DELETE never carries one of their own keys.
      const keeps = world.tokens.some((token) => authorization === `Bearer ${token}` && token !== world.adminToken);
      if (authorization)
        headers.Authorization = method === 'DELETE' && keeps ? `Bearer ${world.adminToken}` : authorization;
      if (cookie) headers.Cookie = cookie;
      return { method, path, headers, body: junk ?? body, chunked: false };
    });
}

/** A victim deck deleted with its own key: the request that really removes a deck. */
export function deletion(world: RoomWorld): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...world.victims).map((v) => ({
    method: 'DELETE',
    path: `/api/decks/${v.id}`,
    headers: { Authorization: `Bearer ${v.key}` },
    body: null,
    chunked: false,
  }));
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** One multipart part: a name (right, wrong or none), a file name (paths, traversal, junk) and bytes. */
const part = fc.record({
  name: fc.constantFrom('deck', 'deck', 'asset', 'asset', 'title', 'other', '', 'DECK', 'deck"; x="'),
  filename: fc.option(
    fc.oneof(
      fc.constantFrom(
        'talk.md',
        'images/a.png',
        '../../etc/passwd',
        'a/../../b.png',
        'x.pdf',
        '😀.md',
        'C:\\a\\b.png',
        '',
      ),
      fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
    ),
    { nil: undefined, freq: 5 },
  ),
  type: fc.constantFrom('text/markdown', 'image/png', 'application/pdf', 'application/octet-stream', ''),
  bytes: fc.oneof(
    fc.constantFrom(
      Buffer.from('# Hi\n\n![a](images/a.png)\n\n---\n\n## Two\n\n```poll\nBest?\n- a\n- b\n```'),
      PNG,
      Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>x</script></svg>'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      Buffer.alloc(0),
    ),
    fc.uint8Array({ maxLength: 400 }).map(Buffer.from),
    fc.string({ maxLength: 300 }).map((t) => Buffer.from(`# ${t}`)),
  ),
});

/** Multipart deck uploads: well-framed, mis-framed, truncated, with a wrong or missing boundary. */
export function multipartRequest(world: RoomWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      parts: fc.oneof(
        fc.array(part, { maxLength: 6 }),
        // A deck part first, so that some uploads get past the framing to the renderer.
        fc.tuple(part, fc.array(part, { maxLength: 4 })).map(([first, rest]) => [{ ...first, name: 'deck' }, ...rest]),
      ),
      boundary: fc.constantFrom('podiumfuzz', 'a', 'x'.repeat(70), '--', 'b o u n d'),
      header: fc.constantFrom('right', 'right', 'right', 'other', 'none', 'quoted'),
      ending: fc.constantFrom('closed', 'closed', 'closed', 'open', 'cut'),
      admin: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
    })
    .map(({ parts, boundary, header, ending, admin }) => {
      const chunks: Buffer[] = [];
      for (const p of parts) {
        const filename = p.filename === undefined ? '' : `; filename="${p.filename}"`;
        const type = p.type ? `\r\nContent-Type: ${p.type}` : '';
        chunks.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${filename}${type}\r\n\r\n`),
        );
        chunks.push(p.bytes, Buffer.from('\r\n'));
      }
      if (ending !== 'open') chunks.push(Buffer.from(`--${boundary}--\r\n`));
      let body = Buffer.concat(chunks);
      if (ending === 'cut') body = body.subarray(0, Math.floor(body.length / 2));
      const contentType = {
        right: `multipart/form-data; boundary=${boundary}`,
        quoted: `multipart/form-data; boundary="${boundary}"`,
        other: 'multipart/form-data; boundary=somethingelse',
        none: 'multipart/form-data',
      }[header];
      const headers: Record<string, string> = { 'Content-Type': contentType };
      if (admin) headers.Authorization = `Bearer ${world.adminToken}`;
      return { method: 'POST', path: '/api/decks', headers, body, chunked: false };
    });
}
