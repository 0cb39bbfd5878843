/** An image a slide shows, as its `<img>` asks for it: `src`, and for images in two widths `srcset` and `sizes`. */
export interface SlideImage {
  src: string;
  srcset: string;
  sizes: string;
}

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

/** The slides whose images to fetch ahead, of `count`, nearest first: from `current` on, then back to the start. */
export function slidesToPrefetch(count: number, current: number): number[] {
  const order: number[] = [];
  for (let index = Math.max(0, current); index < count; index++) order.push(index);
  for (let index = Math.min(current, count) - 1; index >= 0; index--) order.push(index);
  return order;
}
