import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateDeckResponse, PresenterDeck } from '../../../shared/protocol.js';
import { browserAvailable, launchBrowser } from '../../support/browser.js';
import { DRIVERS } from '../../support/databases.js';
import { expectError } from '../../support/errors.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { encryptedPdf, printSlides, setPageLabels } from '../pdf/pdf-fixtures.js';
import { deckForm } from './asset-fixtures.js';

const PAGES = [
  { heading: 'Quarterly review', lines: ['Grace Hopper'] },
  { heading: 'Three numbers', lines: ['Revenue'] },
  { heading: 'Three numbers', lines: ['Revenue', 'Costs'] },
  { heading: 'The end', lines: ['Questions?'], image: true },
];

const NOTES = ['Welcome everyone.', 'Pause after each number.', 'Thank the team.'].join('\n\n---\n\n');

/** The `src` and `srcset` URLs of a slide's page images. */
function imageUrls(html: string): string[] {
  const urls = [...html.matchAll(/\s(?:src|srcset)="([^"]*)"/g)].flatMap((match) =>
    (match[1] ?? '').split(',').map((part) => part.trim().split(/\s+/)[0] ?? ''),
  );
  return [...new Set(urls.filter(Boolean))];
}

describe.skipIf(!browserAvailable())('PDF decks through POST /api/decks', () => {
  let pdf: Uint8Array;

  beforeAll(async () => {
    const browser = await launchBrowser();
    try {
      const printed = await PDFDocument.load(await printSlides(browser, PAGES, 'Quarterly review deck'));
      // Pages 2 and 3 share a label, as a Beamer overlay exports them: one slide with a build.
      setPageLabels(printed, ['1', '2', '2', '3']);
      pdf = await printed.save();
    } finally {
      await browser.close();
    }
  }, 60_000);

  describe.each(DRIVERS)('on %s', (driver) => {
    let server: TestServer;
    const upload = (form: FormData) => fetch(`${server.url}/api/decks`, { method: 'POST', body: form });

    beforeAll(async () => {
      server = await startTestServer({ driver });
    });
    afterAll(() => server.stop());

    it('makes one slide per page, folds shared labels into steps, serves the pages and keeps the notes', async () => {
      const form = deckForm(Buffer.from(pdf), { 'review.notes.md': NOTES }, { deckName: 'review.pdf' });
      const res = await upload(form);
      expect(res.status).toBe(201);
      const created = (await res.json()) as CreateDeckResponse;
      expect(created.deck.title).toBe('Quarterly review deck');
      expect(created.deck.slides.map((slide) => slide.steps)).toEqual([0, 1, 0]);
      expect(created.warnings.filter((warning) => warning.code.startsWith('notes'))).toEqual([]);
      // The words are in the slide for screen readers, the pixels come from Podium.
      expect(created.deck.slides[1]?.html).toContain('Costs');
      for (const url of imageUrls(created.deck.slides.map((slide) => slide.html).join(''))) {
        expect(url).toMatch(/^\/api\/assets\/[0-9a-f]{64}\.webp$/);
        const image = await fetch(`${server.url}${url}`);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/webp');
        expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(500);
      }
      const presenter = await fetch(`${server.url}/api/decks/${created.deck.id}/presenter`, {
        headers: { Authorization: `Bearer ${created.presenterKey}` },
      });
      const deck = (await presenter.json()) as PresenterDeck;
      expect(deck.notes).toEqual(['Welcome everyone.', 'Pause after each number.', 'Thank the team.']);
    });

    it('says so when a PDF comes without notes', async () => {
      const res = await upload(deckForm(Buffer.from(pdf), {}, { deckName: 'review.pdf', title: 'Own title' }));
      expect(res.status).toBe(201);
      const created = (await res.json()) as CreateDeckResponse;
      expect(created.deck.title).toBe('Own title');
      expect(created.warnings.map((warning) => warning.code)).toContain('notes_missing');
    });

    it('refuses a password-protected and a corrupt PDF with a clear 422', async () => {
      await expectError(
        await upload(deckForm(Buffer.from(encryptedPdf()), {}, { deckName: 'locked.pdf' })),
        422,
        'pdf_encrypted',
      );
      const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
      await expectError(await upload(deckForm(corrupt, {}, { deckName: 'broken.pdf' })), 422, 'pdf_unreadable');
    });
  });
});
