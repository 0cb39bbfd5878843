import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import type { Browser } from 'playwright-core';

/** A page of the test deck: its heading and lines of text; `image` adds a 400x300 picture. */
export interface FixturePage {
  heading: string;
  lines?: string[];
  image?: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pictureDataUrl(): string {
  const canvas = createCanvas(400, 300);
  const context = canvas.getContext('2d');
  context.fillStyle = '#1565c0';
  context.fillRect(0, 0, 400, 300);
  context.fillStyle = '#ffca28';
  context.beginPath();
  context.arc(200, 150, 100, 0, Math.PI * 2);
  context.fill();
  return `data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
}

/** Prints `pages` as a 16:9 slide PDF through Chromium's `page.pdf()`, one page each; `title` is the metadata Title. */
export async function printSlides(
  browser: Browser,
  pages: readonly FixturePage[],
  title = 'Printed deck',
): Promise<Uint8Array> {
  const picture = pages.some((page) => page.image) ? pictureDataUrl() : '';
  const body = pages
    .map(
      (page) =>
        `<section><h1>${escapeHtml(page.heading)}</h1>${(page.lines ?? []).map((line) => `<p>${escapeHtml(line)}</p>`).join('')}` +
        `${page.image ? `<img src="${picture}" width="400" height="300" alt="">` : ''}</section>`,
    )
    .join('');
  const html =
    `<!doctype html><html><head><title>${escapeHtml(title)}</title><style>` +
    '@page { size: 960px 540px; margin: 0 } body { margin: 0; font-family: sans-serif }' +
    'section { width: 960px; height: 540px; padding: 40px; box-sizing: border-box; break-after: page; overflow: hidden }' +
    'h1 { font-size: 40px; margin: 0 0 20px } p { font-size: 24px; margin: 0 0 12px }' +
    `</style></head><body>${body}</body></html>`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html);
    return new Uint8Array(await page.pdf({ width: '960px', height: '540px', printBackground: true }));
  } finally {
    await context.close();
  }
}

/** Gives page i the label `labels[i]` (a /P prefix per page, as Beamer writes them). */
export function setPageLabels(doc: PDFDocument, labels: readonly string[]): void {
  const nums = doc.context.obj([]);
  labels.forEach((label, index) => {
    nums.push(PDFNumber.of(index));
    nums.push(doc.context.obj({ P: PDFHexString.fromText(label) }));
  });
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
}

/** Adds a flat outline: one bookmark per entry, each pointing at its 0-based page. */
export function setOutline(doc: PDFDocument, entries: readonly { title: string; page: number }[]): void {
  const outlineRef = doc.context.nextRef();
  const refs: PDFRef[] = entries.map(() => doc.context.nextRef());
  entries.forEach((entry, index) => {
    const item = doc.context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlineRef,
      Dest: [doc.getPage(entry.page).ref, 'Fit'],
    });
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    doc.context.assign(refs[index] as PDFRef, item);
  });
  const outline = doc.context.obj({ Type: 'Outlines', Count: entries.length });
  if (refs.length > 0) {
    outline.set(PDFName.of('First'), refs[0] as PDFRef);
    outline.set(PDFName.of('Last'), refs.at(-1) as PDFRef);
  }
  doc.context.assign(outlineRef, outline);
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
}

/** Adds document JavaScript that would run on opening (an OpenAction and a named script). */
export function addOpenScript(doc: PDFDocument): void {
  const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hello from the PDF");') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  const names = PDFArray.withContext(doc.context);
  names.push(PDFHexString.fromText('greeting'));
  names.push(doc.context.register(action));
  const javaScript = doc.context.obj({ Names: names });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: javaScript }));
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] ?? 0)) & 255;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
  }
  return out;
}

const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/**
 * The smallest real password-protected PDF: one empty page (no strings or streams to
 * encrypt), standard security handler revision 2 (RC4, 40-bit), opened only with `password`.
 */
export function encryptedPdf(password = 'secret'): Uint8Array {
  const id = createHash('md5').update('podium-encrypted-fixture').digest();
  const permissions = -4;
  const owner = rc4(createHash('md5').update(padded('owner')).digest().subarray(0, 5), padded(password));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash('md5')
    .update(Buffer.concat([padded(password), owner, p, id]))
    .digest()
    .subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(owner)}> /U <${hex(user)}> /P ${permissions} >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(id)}> <${hex(id)}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A PDF with a catalog and an empty page tree: zero pages. */
export async function zeroPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  return doc.save({ addDefaultPage: false });
}

/** A page far taller than wide (200 x 14400 pt), to test the pixel limit. */
export async function tallPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 14_400]).drawText('Tall page', { x: 20, y: 14_300, size: 24 });
  return doc.save();
}
