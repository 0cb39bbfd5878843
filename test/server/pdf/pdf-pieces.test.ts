import { describe, expect, it } from 'vitest';
import { notesForPdf } from '../../../server/pdf/notes-for-pdf.js';
import { groupPagesByLabel } from '../../../server/pdf/page-groups.js';
import { pageLines, type PositionedText } from '../../../server/pdf/page-text.js';
import { pdfErrorFromName, PdfEncryptedError } from '../../../server/pdf/pdf-errors.js';
import { imageSizes } from '../../../server/pdf/render-page.js';

function run(str: string, x: number, y: number, width = str.length * 10): PositionedText {
  return { str, transform: [20, 0, 0, 20, x, y], width, height: 20 };
}

describe('groupPagesByLabel', () => {
  it('folds consecutive pages sharing a label into one slide, and only consecutive ones', () => {
    expect(groupPagesByLabel(6, ['1', '2', '2', '2', '3', '2'])).toEqual([[0], [1, 2, 3], [4], [5]]);
  });

  it('keeps every page its own slide without labels, or where labels are empty', () => {
    expect(groupPagesByLabel(3, null)).toEqual([[0], [1], [2]]);
    expect(groupPagesByLabel(3, ['', '', ''])).toEqual([[0], [1], [2]]);
  });
});

describe('pageLines', () => {
  it('reads lines top to bottom and runs left to right, whatever order the PDF drew them in', () => {
    const items = [run('world', 160, 400), run('Body', 40, 300), run('Hello', 40, 400), run('', 0, 0)];
    expect(pageLines(items)).toEqual(['Hello world', 'Body']);
  });

  it('does not add a space inside a word split into touching runs', () => {
    expect(pageLines([run('Pod', 40, 100, 30), run('ium', 70, 100, 30)])).toEqual(['Podium']);
  });
});

describe('imageSizes', () => {
  it('keeps the page shape at each width, smallest first', () => {
    expect(imageSizes(960, 540, [1600, 640], 4_000_000)).toEqual({
      sizes: [
        { width: 640, height: 360 },
        { width: 1600, height: 900 },
      ],
      scaledDown: false,
    });
  });

  it('caps a huge page to the pixel limit and merges widths that meet at the cap', () => {
    const { sizes, scaledDown } = imageSizes(200, 14_400, [640, 1600], 1_000_000);
    expect(scaledDown).toBe(true);
    expect(sizes).toHaveLength(1);
    expect((sizes[0]?.width ?? 0) * (sizes[0]?.height ?? 0)).toBeLessThanOrEqual(1_000_000);
  });
});

describe('pdfErrorFromName', () => {
  it('rebuilds the typed error sent across the worker boundary, and nothing for unknown names', () => {
    expect(pdfErrorFromName('PdfEncryptedError', 'locked')).toBeInstanceOf(PdfEncryptedError);
    expect(pdfErrorFromName('toString', 'x')).toBeNull();
  });
});

describe('notesForPdf', () => {
  it('gives one note per slide from the ---separated sections, keeping --- inside code', () => {
    const markdown = 'Say hello\n---\n```yaml\n---\n```\nExplain\n---\nThank them\n';
    expect(notesForPdf(markdown, 3)).toEqual({
      notes: ['Say hello', '```yaml\n---\n```\nExplain', 'Thank them'],
      warnings: [],
    });
  });

  it('skips front matter and warns when sections and slides do not match', () => {
    const short = notesForPdf('---\ntitle: Talk\n---\nFirst\n---\nSecond', 4);
    expect(short.notes).toEqual(['First', 'Second', '', '']);
    expect(short.warnings).toEqual([{ code: 'notes_missing', message: expect.stringContaining('slides 3 to 4') }]);
    const long = notesForPdf('a\n---\nb\n---\nc', 2);
    expect(long.notes).toEqual(['a', 'b']);
    expect(long.warnings.map((warning) => warning.code)).toEqual(['notes_extra']);
  });
});
