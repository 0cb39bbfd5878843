import busboy from 'busboy';
import type { Context } from 'koa';
import type { DeckFile } from '../assets/prepare-assets.js';
import { HttpError } from './http-error.js';
import { contentLengthHeader } from './schemas.js';

/** Limits of a multipart deck upload; each has the default shown in MULTIPART_LIMITS. */
export interface MultipartLimits {
  /** Whole request body, in bytes. */
  totalBytes: number;
  /** The `deck` part, in bytes (the route applies the Markdown limit once it knows the type). */
  deckBytes: number;
  /** Each `asset` part, in bytes. */
  assetBytes: number;
  /** Number of `asset` parts. */
  assets: number;
}

/** Defaults: 50 MiB in all, 20 MiB for the deck part and for each of at most 200 assets. */
export const MULTIPART_LIMITS: MultipartLimits = {
  totalBytes: 50 * 1024 * 1024,
  deckBytes: 20 * 1024 * 1024,
  assetBytes: 20 * 1024 * 1024,
  assets: 200,
};

/** What a multipart deck upload holds: the `deck` part, the optional `title` field and the `asset` parts. */
export interface DeckUpload {
  deck: DeckFile | null;
  title?: string;
  assets: DeckFile[];
}

/** Longest `title` field read, in bytes (titles are cut to 200 characters later). */
const TITLE_FIELD_BYTES = 4096;

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

function tooLarge(message: string): HttpError {
  return new HttpError(413, 'payload_too_large', message);
}

function malformed(message = 'The multipart body is malformed or ended early; send it again.'): HttpError {
  return new HttpError(400, 'bad_request', message);
}

/**
 * Reads a `multipart/form-data` deck upload (parts `deck`, `asset`, field `title`) with
 * busboy, holding at most the limits in memory: over a limit is 413 with a sentence saying
 * which, a malformed body is 400. On failure the rest of the body is discarded and the
 * connection closed after the answer.
 */
export async function readMultipart(ctx: Context, limits: MultipartLimits = MULTIPART_LIMITS): Promise<DeckUpload> {
  const declared = contentLengthHeader.safeParse(ctx.get('Content-Length'));
  if (!declared.success) throw malformed('Content-Length must be a whole number of bytes.');
  const totalMessage = `The upload is larger than the ${mib(limits.totalBytes)} a deck with its files may have.`;
  if (declared.data !== undefined && declared.data > limits.totalBytes) {
    ctx.set('Connection', 'close');
    throw tooLarge(totalMessage);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: ctx.req.headers,
      preservePath: true,
      defParamCharset: 'utf8',
      limits: {
        fileSize: Math.max(limits.deckBytes, limits.assetBytes),
        files: limits.assets + 1,
        fields: 10,
        fieldSize: TITLE_FIELD_BYTES,
        parts: limits.assets + 11,
      },
    });
  } catch {
    throw malformed('The multipart body needs a boundary: Content-Type: multipart/form-data; boundary=...');
  }
  const req = ctx.req;
  const upload: DeckUpload = { deck: null, assets: [] };
  try {
    await new Promise<void>((resolve, reject) => {
      let received = 0;
      const fail = (error: HttpError) => {
        req.unpipe(parser);
        reject(error);
      };
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.totalBytes) fail(tooLarge(totalMessage));
      });
      req.on('aborted', () => fail(malformed('The upload was cut off before it ended.')));
      req.on('error', () => fail(malformed('The upload was cut off before it ended.')));
      parser.on('field', (name, value, info) => {
        if (name === 'title' && !info.valueTruncated) upload.title = value;
        else if (name === 'title') fail(malformed('The title field is too long.'));
      });
      parser.on('file', (name, stream, info) => {
        // Every part's stream, also one refused below: busboy destroys it with an error when the form ends early.
        stream.on('error', () => fail(malformed()));
        if (name !== 'deck' && name !== 'asset') {
          stream.resume();
          fail(malformed(`Unexpected part "${name}": send the deck as "deck" and each file as "asset".`));
          return;
        }
        if (name === 'deck' && upload.deck !== null) {
          stream.resume();
          fail(malformed('Send one "deck" part only.'));
          return;
        }
        const limit = name === 'deck' ? limits.deckBytes : limits.assetBytes;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            stream.resume();
            fail(tooLarge(`"${info.filename || name}" is larger than the ${mib(limit)} one file may have.`));
          } else {
            chunks.push(chunk);
          }
        });
        stream.on('limit', () =>
          fail(tooLarge(`"${info.filename || name}" is larger than the ${mib(limit)} one file may have.`)),
        );
        stream.on('end', () => {
          if (size > limit) return;
          const file: DeckFile = { name: info.filename ?? '', bytes: Buffer.concat(chunks) };
          if (name === 'deck') upload.deck = file;
          else upload.assets.push(file);
        });
      });
      parser.on('filesLimit', () => fail(tooLarge(`A deck may come with at most ${limits.assets} files.`)));
      parser.on('partsLimit', () => fail(tooLarge(`A deck may come with at most ${limits.assets} files.`)));
      parser.on('fieldsLimit', () => fail(malformed('The upload has too many fields.')));
      parser.on('error', () => fail(malformed()));
      parser.on('close', () => resolve());
      req.pipe(parser);
    });
  } catch (err) {
    // Stop reading, throw away what still comes, and close the connection after the answer.
    ctx.set('Connection', 'close');
    req.resume();
    throw err;
  }
  return upload;
}
