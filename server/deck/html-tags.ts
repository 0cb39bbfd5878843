/** Standard HTML elements; any other tag in a slide is a component of some tool (a Vue component...). */
export const HTML_TAGS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo blockquote br button canvas caption cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 ' +
    'h5 h6 header hgroup hr i iframe img input ins kbd label legend li main map mark menu meter nav noscript object ' +
    'ol optgroup option output p picture pre progress q rp rt ruby s samp script search section select slot small ' +
    'source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ' +
    'ul var video wbr center font big tt strike'
  ).split(' '),
);

/** Elements removed for safety whose loss a presenter should hear about (what they would have shown). */
export const REMOVED_TAGS: Record<string, string> = {
  script: 'a script',
  style: 'a style sheet',
  iframe: 'an embedded page',
  object: 'an embedded object',
  embed: 'an embedded object',
  video: 'a video',
  audio: 'an audio clip',
  form: 'a form',
  canvas: 'a canvas',
  svg: 'an inline SVG drawing',
  math: 'MathML',
};
