import compress from 'koa-compress';
import type { Middleware } from 'koa';
import { constants } from 'node:zlib';

/** Answers smaller than this many bytes go out as they are: compressing them saves nothing worth the work. */
export const COMPRESS_THRESHOLD_BYTES = 8 * 1024;

/**
 * Compresses large answers (JSON, HTML, scripts, SVG; not images, which are compressed already)
 * with Brotli or gzip, as the client's Accept-Encoding allows; the work runs on libuv's thread
 * pool, not the event loop. The event stream never passes here (it is served in front of Koa).
 */
export function compressAnswers(): Middleware {
  return compress({
    threshold: COMPRESS_THRESHOLD_BYTES,
    // Brotli's quality 4: most of the gain at a fraction of the default's (11) CPU time.
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    gzip: { level: 6 },
    deflate: false,
    zstd: false,
  });
}
