import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { normalizeAssetPath, referencedAssetPath } from '../../../server/assets/asset-path.js';
import { sniffAssetType } from '../../../server/assets/asset-type.js';
import { applyAssetUrls, assetUrlMap } from '../../../server/assets/asset-urls.js';
import { sanitizeSvg } from '../../../server/assets/sanitize-svg.js';
import { HOSTILE_SVG, smallPng } from './asset-fixtures.js';

describe('sniffAssetType', () => {
  it('recognizes files by their bytes, whatever they are called', async () => {
    const canvas = createCanvas(64, 48);
    canvas.getContext('2d').fillRect(0, 0, 20, 20);
    expect(sniffAssetType(await smallPng())?.mime).toBe('image/png');
    expect(sniffAssetType(canvas.encodeSync('jpeg'))?.mime).toBe('image/jpeg');
    expect(sniffAssetType(canvas.encodeSync('gif'))?.mime).toBe('image/gif');
    expect(sniffAssetType(canvas.encodeSync('webp'))?.mime).toBe('image/webp');
    expect(sniffAssetType(canvas.encodeSync('avif'))?.mime).toBe('image/avif');
    expect(sniffAssetType(Buffer.from('%PDF-1.4\n'))?.mime).toBe('application/pdf');
    expect(sniffAssetType(Buffer.from(HOSTILE_SVG))?.mime).toBe('image/svg+xml');
    expect(sniffAssetType(Buffer.from('\uFEFF<!-- made by hand --><svg viewBox="0 0 1 1"/>'))?.mime).toBe(
      'image/svg+xml',
    );
  });

  it('refuses what Podium does not serve', () => {
    expect(sniffAssetType(Buffer.from('<html><svg></svg></html>'))).toBeNull();
    expect(sniffAssetType(Buffer.from('# Markdown'))).toBeNull();
    expect(sniffAssetType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(sniffAssetType(Buffer.alloc(0))).toBeNull();
  });
});

describe('asset paths', () => {
  it('canonicalizes paths inside the deck and refuses escapes', () => {
    expect(normalizeAssetPath('./images//chart.png')).toBe('images/chart.png');
    expect(normalizeAssetPath('images\\win dows.png')).toBe('images/win dows.png');
    for (const bad of ['../x.png', 'a/../../x.png', '/etc/x.png', 'C:/x.png', '', './', 'a\u0000.png']) {
      expect(normalizeAssetPath(bad)).toBeNull();
    }
  });

  it('reads references as the browser would: decoded, without query or fragment', () => {
    expect(referencedAssetPath('./my%20photo.png?v=2#x')).toBe('my photo.png');
    for (const url of ['https://x/a.png', '//x/a.png', '/a.png', 'data:image/png;base64,AA', '#top']) {
      expect(referencedAssetPath(url)).toBeNull();
    }
  });
});

describe('applyAssetUrls', () => {
  const type = { mime: 'image/png', ext: 'png', kind: 'raster' } as const;
  const assets = assetUrlMap([{ path: 'Images/Chart.png', id: 'a'.repeat(64), type }]);

  it('points relative images at asset URLs (also in another case) and reports missing ones per slide', () => {
    const result = applyAssetUrls(
      [
        { html: '<p><img src="images/chart.png" alt="c" /></p>', steps: 0 },
        { html: '<img src="nope.png" />', steps: 0 },
      ],
      assets,
    );
    expect(assets).toEqual({ 'Images/Chart.png': `/api/assets/${'a'.repeat(64)}.png` });
    expect(result.slides[0]?.html).toContain(`src="/api/assets/${'a'.repeat(64)}.png"`);
    expect(result.warnings).toEqual([{ code: 'asset_missing', message: expect.stringContaining('Slide 2'), slide: 1 }]);
  });
});

describe('sanitizeSvg', () => {
  it('keeps the drawing and drops script, handlers, foreignObject and outside references', async () => {
    const clean = sanitizeSvg(Buffer.from(HOSTILE_SVG)).toString();
    expect(clean).toMatch(/^<svg /);
    expect(clean).toContain('fill="#2050c0"');
    expect(clean).toContain('>Hello</text>');
    expect(clean).not.toMatch(/script|onload|onclick|onerror|foreignObject|javascript:|attacker|ENTITY|@import/i);
    expect((await loadImage(Buffer.from(clean))).width).toBe(120);
  });

  it('keeps styles but never lets markup out of a style element', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[ .a { fill: red } ]]></style></svg>';
    expect(sanitizeSvg(Buffer.from(svg)).toString()).toContain('<style> .a { fill: red } </style>');
    const sneaky =
      '<svg xmlns="http://www.w3.org/2000/svg"><style>&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;</style></svg>';
    expect(sanitizeSvg(Buffer.from(sneaky)).toString()).not.toMatch(/<script/);
  });
});
