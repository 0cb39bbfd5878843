/** Input to `renderDeck`: plain data, so it can cross into a worker thread. */
export interface DeckSourceInput {
  markdown: string;
  /** Overrides every title written in the deck when non-empty. */
  title?: string;
  /** Relative path (as the deck writes it, normalised) -> URL Podium serves it at. Default: none. */
  assets?: Record<string, string>;
  /** Other Markdown files by relative path, for Slidev `src:` imports. Default: none. */
  files?: Record<string, string>;
}

/** Something dropped, missing or degraded, in words a presenter understands. */
export interface DeckWarning {
  code: string;
  message: string;
  /** 0-based slide index, when it concerns one slide. */
  slide?: number;
}

/** One slide: sanitized HTML whose build elements carry `data-step="k"` (1-based), its step count and notes. */
export interface RenderedSlide {
  html: string;
  steps: number;
  notes: string;
}

/** Settings a deck's front matter may give Podium. */
export interface DeckSettings {
  browse?: 'free' | 'behind';
  durationMinutes?: number;
}

/** A whole rendered deck: what the store keeps plus the import report. */
export interface RenderedDeck {
  title: string;
  slides: RenderedSlide[];
  warnings: DeckWarning[];
  settings: DeckSettings;
}

/** One slide's Markdown before rendering: body (pause lines marked), notes and its own front matter. */
export interface SlideSource {
  body: string;
  notes: string[];
  matter: Record<string, unknown>;
  /** Folder its relative references resolve against (an imported file's folder); default the deck's. */
  baseDir?: string;
}

/** Which tools' conventions a deck follows; several may be true at once. */
export interface Dialects {
  marp: boolean;
  slidev: boolean;
  reveal: boolean;
  remark: boolean;
  pandoc: boolean;
}
