import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * The folders of data pdf.js loads while reading (standard fonts, CMaps, wasm decoders, ICC
 * profiles), all inside the installed pdfjs-dist: rendering never touches the network.
 * pdf.js wants them as paths ending in a slash.
 */
export const PDFJS_ASSETS = {
  standardFontDataUrl: join(root, 'standard_fonts') + '/',
  cMapUrl: join(root, 'cmaps') + '/',
  wasmUrl: join(root, 'wasm') + '/',
  iccUrl: join(root, 'iccs') + '/',
} as const;
