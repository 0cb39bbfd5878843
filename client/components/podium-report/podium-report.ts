import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TalkReport } from '../../../shared/room-protocol.js';
import { fetchReport, fetchReportCsv } from '../../api/room-api.js';
import { ApiError } from '../../api/request.js';
import { savedPresenterKey, takePairingLink } from '../../state/presenter-key.js';
import { hourMinute } from '../../utils/time-of-day.js';
import '../podium-audience-chart/podium-audience-chart.js';
import '../podium-bar-chart/podium-bar-chart.js';
import { reportStyles } from './podium-report.styles.js';

/** "1 h 02 min", "4 min 05 s", "12 s". */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Offers `blob` as a file download named `name`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The talk's story at `/d/:id/report` for its presenter (the key this device saved when its
 * remote paired, or one in the link's fragment, taken out of the URL at once): time per slide, reactions, polls with their final counts and the
 * questions with their votes and state, the audience over time (following and browsing), drawn
 * as SVG charts and tables, downloadable as
 * CSV and JSON. Everything in it lives as long as the deck, and is deleted with it.
 */
@customElement('podium-report')
export class PodiumReport extends LitElement {
  static override styles = reportStyles;

  /** The deck from the page URL; nothing loads while it is empty. */
  @property({ attribute: 'deck-id' }) deckId = '';

  @state() private report: TalkReport | null = null;
  @state() private error = '';
  @state() private busy = false;

  private key: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deckId') && this.deckId) {
      this.key = takePairingLink() ?? savedPresenterKey(this.deckId);
      void this.load();
    }
  }

  protected override updated(): void {
    if (this.report) document.title = `Report · ${this.report.deck.title} · Podium`;
  }

  private async load(): Promise<void> {
    if (!this.key) {
      this.error = 'This report is for the presenter: open it from your remote (its link carries your key).';
      return;
    }
    this.busy = true;
    try {
      this.report = await fetchReport(this.deckId, this.key);
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : 'The report could not be loaded. Please try again.';
    } finally {
      this.busy = false;
    }
  }

  private handleRefresh(): void {
    void this.load();
  }

  private handleJson(): void {
    if (!this.report) return;
    const blob = new Blob([JSON.stringify(this.report, null, 2)], { type: 'application/json' });
    download(blob, `podium-${this.deckId}-report.json`);
  }

  private async handleCsv(): Promise<void> {
    if (!this.key) return;
    try {
      download(await fetchReportCsv(this.deckId, this.key), `podium-${this.deckId}-report.csv`);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : 'The CSV could not be downloaded.';
    }
  }

  private renderSummary(report: TalkReport) {
    const talked = report.slideTimes.reduce((sum, t) => sum + t.seconds, 0);
    const votes = report.questions.reduce((sum, q) => sum + q.votes, 0);
    const reactions = Object.values(report.reactions).reduce((sum, n) => sum + (n ?? 0), 0);
    const figures: Array<[string, string]> = [
      ['Since the deck was made', duration(talked)],
      ['Questions', String(report.questions.length)],
      ['Question votes', String(votes)],
      ['Poll votes', String(report.polls.reduce((sum, p) => sum + p.total, 0))],
      ['Reactions', String(reactions)],
      ['Most watching at once', String(Math.max(0, ...report.audience.map((s) => s.viewers)))],
    ];
    return html`<dl class="summary">
      ${figures.map(
        ([name, value]) =>
          html`<div>
            <dt>${name}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>`;
  }

  private renderAudience(report: TalkReport) {
    return html`<section aria-labelledby="audience-heading">
      <h2 id="audience-heading">Audience over time</h2>
      <podium-audience-chart .samples=${report.audience} .sampleSeconds=${report.sampleSeconds}></podium-audience-chart>
    </section>`;
  }

  private renderSlides(report: TalkReport) {
    const seconds = Array.from({ length: report.deck.slides }, (_, i) => {
      return report.slideTimes.find((t) => t.slide === i)?.seconds ?? 0;
    });
    return html`<section aria-labelledby="slides-heading">
      <h2 id="slides-heading">Time on each slide</h2>
      <podium-bar-chart
        .labels=${seconds.map((_, i) => `Slide ${i + 1}`)}
        .values=${seconds.map((s) => Math.round(s))}
        unit="seconds"
        suffix=" s"
        label="Seconds on each slide"
      ></podium-bar-chart>
    </section>`;
  }

  private renderReactions(report: TalkReport) {
    const entries = Object.entries(report.reactions);
    return html`<section aria-labelledby="reactions-heading">
      <h2 id="reactions-heading">Reactions</h2>
      ${
        entries.length === 0
          ? html`<p class="empty">No reactions were sent.</p>`
          : html`<podium-bar-chart
              .labels=${entries.map(([name]) => name.replace('_', ' '))}
              .values=${entries.map(([, count]) => count ?? 0)}
              unit="reactions"
              label="Reactions by kind"
            ></podium-bar-chart>`
      }
      ${
        report.reactionsPerMinute.length === 0
          ? nothing
          : html`<h3>Per minute</h3>
              <podium-bar-chart
                .labels=${report.reactionsPerMinute.map((minute) => hourMinute(Date.parse(minute.at)))}
                .values=${report.reactionsPerMinute.map((minute) =>
                  Object.values(minute.counts).reduce((sum, count) => sum + (count ?? 0), 0),
                )}
                unit="reactions"
                label="Reactions per minute"
              ></podium-bar-chart>`
      }
    </section>`;
  }

  private renderPolls(report: TalkReport) {
    return html`<section aria-labelledby="polls-heading">
      <h2 id="polls-heading">Polls</h2>
      ${report.polls.length === 0 ? html`<p class="empty">No poll received a vote.</p>` : nothing}
      ${report.polls.map(
        (poll) =>
          html`<article>
            <h3>${poll.question}</h3>
            <p class="meta">
              ${poll.total} ${poll.total === 1 ? 'vote' : 'votes'} · ${poll.open ? 'still open' : 'closed'}
            </p>
            <podium-bar-chart
              .labels=${poll.options}
              .values=${poll.counts}
              label="Results: ${poll.question}"
            ></podium-bar-chart>
          </article>`,
      )}
    </section>`;
  }

  private renderQuestions(report: TalkReport) {
    return html`<section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      ${
        report.questions.length === 0
          ? html`<p class="empty">No questions were asked.</p>`
          : html`<div class="table-wrap" tabindex="0" role="group" aria-label="Questions table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Votes</th>
                    <th scope="col">State</th>
                    <th scope="col">Slide</th>
                  </tr>
                </thead>
                <tbody>
                  ${report.questions.map(
                    (q) =>
                      html`<tr>
                        <td class="text">${q.text}</td>
                        <td class="num">${q.votes}</td>
                        <td>${q.state}</td>
                        <td class="num">${q.slide + 1}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  override render() {
    const report = this.report;
    return html`<main>
      <header>
        <h1>${report ? `Talk report: ${report.deck.title}` : 'Talk report'}</h1>
        ${report ? html`<p class="meta">As of ${new Date(report.generatedAt).toLocaleString()}</p>` : nothing}
        <div class="actions">
          <button ?disabled=${this.busy || !this.key} @click=${this.handleRefresh}>Refresh</button>
          <button ?disabled=${!report} @click=${this.handleCsv}>Download CSV</button>
          <button ?disabled=${!report} @click=${this.handleJson}>Download JSON</button>
          <a class="button" href="/d/${encodeURIComponent(this.deckId)}/remote">Back to the remote</a>
        </div>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!report && !this.error ? html`<p role="status">Loading the report…</p>` : nothing}
      ${
        report
          ? html`${this.renderSummary(report)} ${this.renderAudience(report)} ${this.renderSlides(report)}
              ${this.renderPolls(report)} ${this.renderQuestions(report)} ${this.renderReactions(report)}
              <p class="meta">
                ${
                  report.historyDays > 0
                    ? `When each slide was shown and the audience counts are kept ${report.historyDays} days; the rest`
                    : 'All of it is'
                }
                kept as long as the deck, and deleting the deck deletes all of it.
              </p>`
          : nothing
      }
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-report': PodiumReport;
  }
}
