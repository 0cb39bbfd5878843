import fc from 'fast-check';

/** What the fuzzer knows about the server under test: two decks and keys in every state. */
export interface FuzzWorld {
  deckIds: string[];
  keyIds: string[];
  /** Live keys of the decks, a revoked key, and the admin token when there is one. */
  tokens: string[];
  /** The keys each deck started with, by deck id. */
  ownTokens: Record<string, string[]>;
}

/** One generated request. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** Send the body chunked (no Content-Length). */
  chunked: boolean;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE', 'SEARCH'];

const WEIRD_SEGMENTS = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%00',
  '%zz',
  '%',
  '%2F',
  'A',
  'ABCDEFGH',
  'demo',
  'index.html',
  'audience.html',
  '..%2f..%2fpackage.json',
  '%c0%ae%c0%ae',
  'a'.repeat(300),
  '-abc',
  'abc-',
  '😀',
  '%F0%9F%98%80',
  'null',
  '0',
  '-1',
  '1e3',
  '999999999999999999999',
  '<script>',
  '"',
  "'",
  '\\',
  'keys',
  'slide',
  'events',
];

const safeText = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** Path segments: real ids, near misses, encodings and junk. */
function segment(world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...world.deckIds) },
    { weight: 2, arbitrary: fc.constantFrom(...WEIRD_SEGMENTS) },
    { weight: 1, arbitrary: fc.webSegment() },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
  );
}

/** Paths shaped like every route, each with the method it expects, ids good and bad, plus anything else. */
function route(world: FuzzWorld): fc.Arbitrary<[string, string]> {
  const id = segment(world);
  const keyId = fc.oneof(fc.constantFrom(...world.keyIds, '0', '01', '-1', '1.5', '9'.repeat(25)), segment(world));
  const any = fc.constantFrom(...METHODS);
  const at = (methods: string[], paths: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom(...methods), paths);
  const target = fc.oneof(
    { weight: 2, arbitrary: at(['POST'], fc.constant('/api/decks')) },
    at(
      ['GET'],
      id.map((d) => `/api/decks/${d}`),
    ),
    at(
      ['GET'],
      id.map((d) => `/api/decks/${d}/presenter`),
    ),
    {
      weight: 6,
      arbitrary: at(
        ['PUT'],
        id.map((d) => `/api/decks/${d}/slide`),
      ),
    },
    at(
      ['GET', 'HEAD'],
      id.map((d) => `/api/decks/${d}/events`),
    ),
    {
      weight: 3,
      arbitrary: at(
        ['GET', 'POST'],
        id.map((d) => `/api/decks/${d}/keys`),
      ),
    },
    {
      weight: 2,
      arbitrary: at(
        ['DELETE'],
        fc.tuple(id, keyId).map(([d, k]) => `/api/decks/${d}/keys/${k}`),
      ),
    },
    at(['GET'], fc.constantFrom('/', '/healthz', '/metrics', '/favicon.svg', '/assets/', '/api', '/api/', '/d/', '//')),
    at(
      ['GET'],
      id.map((d) => `/d/${d}`),
    ),
    at(
      ['GET'],
      id.map((d) => `/d/${d}/remote`),
    ),
    at(
      METHODS,
      fc.array(segment(world), { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
    ),
    at(METHODS, fc.webPath()),
  );
  const suffix = fc.constantFrom('', '', '', '', '/', '?key=x', '?index=1', '#frag', '?a=%zz', '//');
  return fc
    .tuple(target, suffix, any, fc.integer({ min: 0, max: 3 }))
    .map(([[method, p], s, other, dice]): [string, string] => [
      dice === 0 ? other : method,
      (p.startsWith('/') ? p : `/${p}`) + s,
    ]);
}

/** Authorization values: live, revoked and foreign keys, the admin token, and malformed ones. */
function authorization(world: FuzzWorld): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...world.tokens).map((t) => `Bearer ${t}`) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    fc.constantFrom(...world.tokens).map((t) => `bearer\t${t} `),
    fc.constantFrom(...world.tokens).map((t) => t),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'Bearer a b', `Bearer ${'k'.repeat(2000)}`, 'Bearer ../../etc'),
    safeText(80).map((t) => `Bearer ${t}`),
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  'json',
  ';;',
];

/** Bodies: valid shapes with hostile values, random JSON, text, bytes, too-large ones. */
function body(world: FuzzWorld): fc.Arbitrary<Buffer | null> {
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => Buffer.from(JSON.stringify(v) ?? 'null'));
  const index = fc.oneof(
    fc.integer({ min: -2, max: 5 }),
    fc.constantFrom(1.5, -0, 2 ** 53, 1e308, '1', null, true, [], {}, '0x1'),
    fc.anything(),
  );
  const markdown = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('# Hi\n\n<script>window.__xss=1</script>', '---\n---', '', '# a\n---\n# b\nNote:\nsecret'),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: json(fc.record({ index }, { requiredKeys: [] })) },
    json(fc.record({ index, extra: fc.jsonValue() }, { requiredKeys: ['index'] })),
    { weight: 2, arbitrary: json(fc.record({ markdown, title: fc.anything() }, { requiredKeys: ['markdown'] })) },
    {
      weight: 2,
      arbitrary: json(
        fc.record({ label: fc.oneof(fc.string({ maxLength: 120 }), fc.anything()) }, { requiredKeys: [] }),
      ),
    },
    json(fc.jsonValue({ maxDepth: 4 })),
    fc.string({ maxLength: 300 }).map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(
      Buffer.from('{"index":'),
      Buffer.from('{"index":1}'.repeat(200)),
      Buffer.from(`{"index":1,"pad":"${'x'.repeat(2000)}"}`),
      Buffer.from(`{"markdown":"${'# big\\n'.repeat(200_000)}"}`),
      Buffer.from('\uFEFF{"index":1}'),
      Buffer.from('{"__proto__":{"index":1},"index":0}'),
      Buffer.from('{"index":1,"index":2}'),
      Buffer.from(JSON.stringify({ markdown: '# x', deckIds: world.deckIds })),
    ),
  );
}

/** Any request at all, shaped to reach every route with and without valid keys. */
export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const optionalHeader = (value: fc.Arbitrary<string>) => fc.option(value, { nil: undefined });
  return fc
    .record({
      target: route(world),
      authorization: authorization(world),
      contentType: fc.oneof(
        { weight: 3, arbitrary: fc.constant('application/json') },
        optionalHeader(fc.constantFrom(...CONTENT_TYPES)),
      ),
      ifMatch: optionalHeader(
        fc.oneof(fc.constantFrom('"1"', '"2"', 'W/"3"', '*', '', '"abc"', '1', '"99999999999"'), safeText(20)),
      ),
      host: fc.option(fc.constantFrom('evil.example', 'a b', '[::1]:80', 'x'.repeat(300), 'localhost:99999', '%00'), {
        nil: undefined,
        freq: 8,
      }),
      extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), safeText(60), { maxKeys: 3 }),
      forwarded: optionalHeader(fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1')),
      body: body(world),
      chunked: fc.boolean(),
    })
    .map((r) => {
      const headers: Record<string, string> = { ...r.extra };
      if (r.authorization !== undefined) headers.Authorization = r.authorization;
      if (r.contentType !== undefined) headers['Content-Type'] = r.contentType;
      if (r.ifMatch !== undefined) headers['If-Match'] = r.ifMatch;
      if (r.host !== undefined) headers.Host = r.host;
      if (r.forwarded !== undefined) headers['X-Forwarded-For'] = r.forwarded;
      const [method, path] = r.target;
      return { method, path, headers, body: r.body, chunked: r.chunked };
    });
}

interface Call {
  method: string;
  path: string;
  deck: string;
  body: Buffer | null;
  ifMatch?: string;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Well-formed calls of every keyed route, before a token is chosen. */
function call(world: FuzzWorld): fc.Arbitrary<Call> {
  const deck = fc.constantFrom(...world.deckIds);
  const version = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, fc.integer({ min: 1, max: 40 }));
  const put = fc
    .record({ deck, index: fc.integer({ min: 0, max: 3 }), version })
    .map(({ deck: d, index, version: v }) => ({
      method: 'PUT',
      path: `/api/decks/${d}/slide`,
      deck: d,
      body: json({ index }),
      ifMatch: v === undefined ? undefined : `"${v}"`,
    }));
  const create = fc.string({ maxLength: 80 }).map((text) => ({
    method: 'POST',
    path: '/api/decks',
    deck: '',
    body: json({ markdown: `# Fuzz\n\n${text}\n\nNote:\nfuzz` }),
  }));
  const mint = fc.tuple(deck, fc.option(fc.string({ maxLength: 30 }), { nil: undefined })).map(([d, label]) => ({
    method: 'POST',
    path: `/api/decks/${d}/keys`,
    deck: d,
    body: label === undefined ? null : json({ label }),
  }));
  const revoke = fc.tuple(deck, fc.constantFrom(...world.keyIds)).map(([d, keyId]) => ({
    method: 'DELETE',
    path: `/api/decks/${d}/keys/${keyId}`,
    deck: d,
    body: null,
  }));
  const read = fc
    .tuple(fc.constantFrom('GET', 'HEAD'), deck, fc.constantFrom('/presenter', '/keys', '/events', ''))
    .map(([method, d, tail]) => ({
      method,
      path: `/api/decks/${d}${tail}`,
      deck: d,
      body: null,
    }));
  return fc.oneof({ weight: 4, arbitrary: put }, create, mint, revoke, read);
}

/**
 * Well-formed calls of every keyed route, half the time with a key of the very deck they
 * name: the requests that could move a deck, mint or revoke a key, or read notes, so the
 * checks see them both succeed and fail.
 */
export function wellFormed(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return call(world).chain((c) => {
    const own = world.ownTokens[c.deck] ?? [];
    const token =
      own.length > 0
        ? fc.oneof(fc.constantFrom(...own), fc.constantFrom(...world.tokens))
        : fc.constantFrom(...world.tokens);
    return token.map((t) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${t}` };
      if (c.body) headers['Content-Type'] = 'application/json';
      if (c.ifMatch) headers['If-Match'] = c.ifMatch;
      return { method: c.method, path: c.path, headers, body: c.body, chunked: false };
    });
  });
}

/** The Bearer token a request carries (as the server would read it), or ''. */
export function tokenOf(request: FuzzRequest): string {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.Authorization ?? '');
  return match?.[1] ?? '';
}
