/** An image a slide shows, as its `<img>` asks for it: `src`, and for images in two widths `srcset` and `sizes`. */
export interface SlideImage {
  src: string;
  srcset: string;
  sizes: string;
}

/** Who may see which slides: `free` (any slide, the default) or `behind` (only slides the talk has reached). */
export type BrowsePolicy = 'free' | 'behind';

/** The images of one slide's HTML, in document order, each once (parsed inert: nothing loads or runs). */
export function slideImages(html: string): SlideImage[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const seen = new Set<string>();
  const images: SlideImage[] = [];
  for (const img of template.content.querySelectorAll('img')) {
    const image = {
      src: img.getAttribute('src') ?? '',
      srcset: img.getAttribute('srcset') ?? '',
      sizes: img.getAttribute('sizes') ?? '',
    };
    const key = `${image.src}\n${image.srcset}\n${image.sizes}`;
    if ((!image.src && !image.srcset) || seen.has(key)) continue;
    seen.add(key);
    images.push(image);
  }
  return images;
}

/**
 * The slides whose images to fetch ahead, nearest first: from `current` onwards, then back to
 * the start. Under `behind`, only slides up to the furthest the talk has `reached` (or `current`).
 */
export function slidesToPrefetch(count: number, current: number, policy: BrowsePolicy, reached: number): number[] {
  const last = policy === 'behind' ? Math.min(count - 1, Math.max(reached, current)) : count - 1;
  const order: number[] = [];
  for (let index = Math.max(0, current); index <= last; index++) order.push(index);
  for (let index = Math.min(current, last + 1) - 1; index >= 0; index--) order.push(index);
  return order;
}
