import render from 'dom-serializer';
import { Element, type AnyNode, type Comment, type Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Dialects } from './deck-types.js';
import { isExternalReference, lookupAsset } from './asset-paths.js';
import { HTML_TAGS, REMOVED_TAGS } from './html-tags.js';
import { classifyComment, cssUrl, elementTarget } from './slide-comments.js';
import { assignSteps, type Build } from './steps.js';
import { INCREMENTAL_ATTRIBUTE } from './split-deck.js';

/** What the HTML pass of one slide needs and reports. */
export interface SlideContext {
  dialects: Dialects;
  assets: Map<string, string>;
  /** Folder relative references resolve against; default the deck's. */
  baseDir?: string;
  /** Background image references from the slide's matter; the pass adds those it finds in the HTML. */
  backgrounds: string[];
  /** Notes found in comments are appended here. */
  notes: string[];
  warn: (code: string, message: string) => void;
}

/** Marks content after a pause line (pandoc `. . .`, remark `--`); becomes a build. */
export const PAUSE_ATTRIBUTE = 'data-podium-pause';
/** Set by the Markdown pass on Marp's fragmented list items. */
const BUILD_ATTRIBUTE = 'data-podium-build';

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  if ('children' in node) for (const child of [...node.children]) walk(child, visit);
}

function attached(node: AnyNode, doc: Document): boolean {
  let current: AnyNode | null = node;
  while (current && current !== doc) {
    if (!current.parent?.children.includes(current)) return false;
    current = current.parent;
  }
  return current === doc;
}

function remove(node: AnyNode): void {
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
}

function handleComments(doc: Document, context: SlideContext): void {
  const comments: Comment[] = [];
  walk(doc, (node) => node.type === 'comment' && comments.push(node as Comment));
  const notes: string[] = [];
  for (const comment of comments) {
    const found = classifyComment(comment.data);
    if (found.kind === 'note') notes.push(found.text);
    else if (found.kind === 'slide' && found.attributes['data-background-image']) {
      context.backgrounds.push(found.attributes['data-background-image']);
    } else if (found.kind === 'directive' && found.attributes.backgroundImage) {
      context.backgrounds.push(cssUrl(found.attributes.backgroundImage));
    } else if (found.kind === 'element') {
      const target = elementTarget(comment);
      const { class: className, ...rest } = found.attributes;
      if (target && className) target.attribs.class = `${target.attribs.class ?? ''} ${className}`.trim();
      for (const name of ['data-fragment-index', 'style']) {
        if (target && rest[name] !== undefined) target.attribs[name] = rest[name];
      }
    }
  }
  for (const comment of comments) remove(comment);
  context.notes.push(...(context.dialects.slidev ? notes.slice(-1) : notes).filter((text) => text !== ''));
}

function resolveImage(image: Element, context: SlideContext, backgrounds: string[]): void {
  const words = (image.attribs.alt ?? '').split(/\s+/);
  for (const word of words) {
    const size = /^(w|width|h|height):(\d+)(px)?$/.exec(word);
    if (size?.[2]) image.attribs[size[1]?.startsWith('w') ? 'width' : 'height'] = size[2];
  }
  if (image.attribs.alt !== undefined) {
    image.attribs.alt = words.filter((word) => !/^(w|width|h|height):\d+(px)?$/.test(word)).join(' ');
  }
  if (context.dialects.marp && words[0] === 'bg') {
    backgrounds.push(image.attribs.src ?? '');
    remove(image);
    return;
  }
  const src = image.attribs.src ?? '';
  if (src === '' || isExternalReference(src)) return;
  const url = lookupAsset(context.assets, src, context.baseDir);
  if (url !== undefined) image.attribs.src = url;
  else {
    context.warn(
      'missing_asset',
      `{slide} shows "${decodeURIComponentSafe(src)}", which was not found next to the deck, so it is left out.`,
    );
    remove(image);
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function collectBuilds(doc: Document, context: SlideContext): Build[] {
  const builds: Build[] = [];
  const inClicks = new Set<Element>();
  // An element builds once, however many conventions mark it (a v-click item inside <v-clicks>).
  const push = (build: Build) => {
    if (!inClicks.has(build.element)) builds.push(build);
    inClicks.add(build.element);
  };
  const unknown = new Set<string>();
  const directives = new Set<string>();
  walk(doc, (node) => {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const element = node as Element;
    const { attribs } = element;
    delete attribs['data-step'];
    if (element.name === 'v-click' || element.name === 'v-after') {
      push({ element, withPrevious: element.name === 'v-after' });
      element.name = 'div';
    } else if (element.name === 'v-clicks' || INCREMENTAL_ATTRIBUTE in attribs) {
      element.name = 'div';
      const lists = element.children.filter((c): c is Element => c.type === 'tag' && /^[uo]l$/.test(c.name));
      const items = lists.length > 0 ? lists.flatMap((list) => list.children) : element.children;
      for (const item of items) {
        if (item.type !== 'tag') continue;
        push({ element: item as Element });
      }
    } else if ('v-click' in attribs || 'v-after' in attribs) {
      const value = Number(attribs['v-click']);
      push({
        element,
        explicit: Number.isInteger(value) && value > 0 ? value : undefined,
        withPrevious: 'v-after' in attribs,
      });
    } else if (/(^|\s)fragment(\s|$)/.test(attribs.class ?? '')) {
      const index = Number(attribs['data-fragment-index']);
      push({
        element,
        explicit: attribs['data-fragment-index'] !== undefined && Number.isFinite(index) ? index : undefined,
      });
    } else if (BUILD_ATTRIBUTE in attribs || PAUSE_ATTRIBUTE in attribs) {
      push({ element });
    }
    for (const name of Object.keys(attribs)) {
      if (/^(v-|:|@|#)/.test(name) && !/^v-(click|after|clicks)$/.test(name))
        directives.add(name.split(/[.=]/)[0] ?? name);
      if (
        /^(v-|:|@|#)/.test(name) ||
        name === BUILD_ATTRIBUTE ||
        name === PAUSE_ATTRIBUTE ||
        name === INCREMENTAL_ATTRIBUTE
      )
        delete attribs[name];
    }
    const removed = REMOVED_TAGS[element.name];
    if (removed) {
      context.warn('removed_content', `{slide} contained ${removed}, which Podium does not show, for safety.`);
      remove(element);
      element.children = [];
    } else if (!HTML_TAGS.has(element.name)) {
      unknown.add(element.name);
      // A plain span keeps the component's text and any build mark it carries.
      element.name = 'span';
      element.attribs = 'data-step' in element.attribs ? { 'data-step': element.attribs['data-step'] } : {};
    }
  });
  for (const name of unknown) {
    context.warn(
      'unknown_component',
      `{slide} uses the <${name}> component, which Podium cannot show; only its text was kept.`,
    );
  }
  for (const name of directives) {
    context.warn(
      'unknown_directive',
      `{slide} uses "${name}", which Podium does not support; its content is shown without it.`,
    );
  }
  return builds;
}

/**
 * The HTML pass of one slide, before sanitizing: comments become notes or directives (never
 * shown), reveal.js `.element:` attributes are applied, images are pointed at Podium's asset
 * URLs, backgrounds become `<img class="podium-bg">`, unknown components become plain spans, and
 * every build is marked `data-step`. Returns the HTML and the slide's number of steps.
 */
export function transformSlideHtml(html: string, context: SlideContext): { html: string; steps: number } {
  const doc = parseDocument(html, { recognizeSelfClosing: true });
  handleComments(doc, context);
  const backgrounds = [...context.backgrounds];
  walk(
    doc,
    (node) =>
      node.type === 'tag' && (node as Element).name === 'img' && resolveImage(node as Element, context, backgrounds),
  );
  const builds = collectBuilds(doc, context);
  walk(doc, (node) => {
    if (
      node.type === 'tag' &&
      (node as Element).name === 'p' &&
      (node as Element).children.every((c) => c.type === 'text' && c.data.trim() === '')
    )
      remove(node);
  });
  // Builds removed on the way (a dropped element, an emptied paragraph) take no step.
  const steps = assignSteps(builds.filter((build) => attached(build.element, doc)));
  for (const ref of backgrounds.reverse()) {
    const url = ref === '' || isExternalReference(ref) ? ref : lookupAsset(context.assets, ref, context.baseDir);
    if (url === undefined)
      context.warn(
        'missing_asset',
        `The background of {slide}, "${ref}", was not found next to the deck, so it is left out.`,
      );
    else if (url !== '') {
      const image = new Element('img', { src: url, alt: '', class: 'podium-bg' });
      image.parent = doc;
      doc.children.unshift(image);
    }
  }
  return { html: render(doc, { encodeEntities: 'utf8' }), steps };
}
