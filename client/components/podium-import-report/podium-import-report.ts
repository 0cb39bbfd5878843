import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeckWarning } from '../../../shared/protocol.js';
import { importReportStyles } from './podium-import-report.styles.js';

/** The groups warnings are shown in, in this order; a code matches the first group whose pattern fits. */
const GROUPS: readonly { title: string; codes: RegExp }[] = [
  { title: 'Images and files', codes: /^(asset_|missing_)/ },
  { title: 'Content shown differently', codes: /^(removed_content|unknown_|diagram_as_code|math_error)/ },
  { title: 'Fitting on the screen', codes: /^(overflow|pdf_page_scaled_down|too_many_slides)$/ },
  { title: 'Speaker notes', codes: /^notes_/ },
  { title: 'PDF pages', codes: /^pdf_/ },
  { title: 'Other', codes: /./ },
];

/** The warning as a sentence that names its slide (1-based) when it concerns one. */
export function warningSentence(warning: DeckWarning): string {
  if (warning.slide === undefined) return warning.message;
  const slide = `Slide ${warning.slide + 1}`;
  return new RegExp(`^${slide}\\b`, 'i').test(warning.message) ? warning.message : `${slide}: ${warning.message}`;
}

/** Warnings in GROUPS order, each group by slide; empty groups left out. */
export function groupWarnings(warnings: readonly DeckWarning[]): { title: string; items: DeckWarning[] }[] {
  const groups = GROUPS.map((group) => ({ title: group.title, items: [] as DeckWarning[] }));
  for (const warning of warnings) {
    const index = GROUPS.findIndex((group) => group.codes.test(warning.code));
    groups[index]?.items.push(warning);
  }
  for (const group of groups) group.items.sort((a, b) => (a.slide ?? -1) - (b.slide ?? -1));
  return groups.filter((group) => group.items.length > 0);
}

/**
 * The import report of a new deck: its warnings grouped by kind, in sentences that name
 * the slide, or "Everything came through: no warnings." when the list is empty.
 */
@customElement('podium-import-report')
export class PodiumImportReport extends LitElement {
  static override styles = importReportStyles;

  /** The 201 answer's `warnings`; nothing renders while null. */
  @property({ attribute: false }) warnings: readonly DeckWarning[] | null = null;

  override render() {
    const warnings = this.warnings;
    if (!warnings) return nothing;
    if (warnings.length === 0) {
      return html`<p class="clean" role="status">
        <span class="mark" aria-hidden="true">✓</span>Everything came through: no warnings.
      </p>`;
    }
    const count = warnings.length === 1 ? 'One thing' : `${warnings.length} things`;
    return html`<section class="report" aria-labelledby="report-heading">
      <h3 id="report-heading"><span class="mark" aria-hidden="true">!</span>${count} to check before you present</h3>
      ${groupWarnings(warnings).map(
        (group) =>
          html`<h4>${group.title}</h4>
            <ul>
              ${group.items.map((warning) => html`<li data-code=${warning.code}>${warningSentence(warning)}</li>`)}
            </ul>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-import-report': PodiumImportReport;
  }
}
