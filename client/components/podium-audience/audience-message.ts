import { html, nothing } from 'lit';

/** Why the audience page shows no deck: the talk is not there (`notFound`) or loading failed. */
export interface AudienceLoadError {
  message: string;
  notFound: boolean;
}

/** The audience page before a deck is on screen: loading, retrying after `error`, or no such talk. */
export function audienceMessage(error: AudienceLoadError | null) {
  if (error?.notFound) {
    return html`<main class="message">
      <div role="alert">
        <p>${error.message}</p>
        <p>Check the talk code, or <a href="/">start or join another talk</a>.</p>
      </div>
    </main>`;
  }
  return html`<main class="message">
    <div role=${error ? 'alert' : nothing}>
      ${
        error
          ? html`<p>${error.message}</p>
              <p>Retrying…</p>`
          : html`<p>Loading the talk…</p>`
      }
    </div>
  </main>`;
}
