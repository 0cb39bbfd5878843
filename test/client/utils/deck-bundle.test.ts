import { describe, expect, it } from 'vitest';
import { referencedPaths } from '../../../client/utils/asset-references.js';
import { buildBundle, type DeckBundle } from '../../../client/utils/deck-bundle.js';

const file = (name: string, text = 'x') => new File([text], name.split('/').pop() ?? name);
const chosen = (path: string, text?: string) => ({ path, file: file(path, text) });

async function bundleOf(...files: ReturnType<typeof chosen>[]): Promise<DeckBundle> {
  const bundle = await buildBundle(files);
  if (typeof bundle === 'string') throw new Error(bundle);
  return bundle;
}

describe('buildBundle', () => {
  it('names loose images after the paths the Markdown uses for them', async () => {
    const md = '# T\n\n![a](./images/chart.png) <img src="img/team%20photo.png"> ![x](https://e.org/x.png)';
    expect(referencedPaths(md)).toEqual(['images/chart.png', 'img/team photo.png']);
    const bundle = await bundleOf(
      chosen('talk.md', md),
      chosen('chart.png'),
      chosen('team photo.png'),
      chosen('other.png'),
    );
    expect(bundle.assets.map((asset) => asset.name)).toEqual(['images/chart.png', 'img/team photo.png', 'other.png']);
    expect(bundle.images).toBe(3);
  });

  it('takes the deck at the top of a folder, names assets relative to it, and skips hidden folders', async () => {
    const bundle = await bundleOf(
      chosen('talk/README.md'),
      chosen('talk/slides.md'),
      chosen('talk/images/a.png'),
      chosen('talk/.git/x.md'),
      chosen('talk/notes.txt'),
    );
    expect(bundle.deck.name).toBe('slides.md');
    expect(bundle.assets.map((asset) => asset.name)).toEqual(['README.md', 'images/a.png']);
  });

  it('sends only the notes with a PDF', async () => {
    const bundle = await bundleOf(chosen('talk.pdf'), chosen('talk.notes.md'), chosen('a.png'));
    expect(bundle.kind).toBe('pdf');
    expect(bundle.assets.map((asset) => asset.name)).toEqual(['talk.notes.md']);
  });

  it('says so when no deck is among the files, or when a limit would be passed', async () => {
    expect(await buildBundle([chosen('a.png')])).toBe('"a.png" is not a deck: choose a Markdown (.md) file or a PDF.');
    expect(await buildBundle([chosen('talk.notes.md'), chosen('a.png')])).toMatch(/^None of these files is a deck/);
    const big = { path: 'big.png', file: new File([new Uint8Array(21 * 1048576)], 'big.png') };
    expect(await buildBundle([chosen('talk.md'), big])).toBe('"big.png" is 21.0 MiB; one file can be at most 20 MiB.');
  });
});
