/**
 * The last step of an import, a resumed import or a rollback: what the unit holds now, then the reload — or, when
 * the read-back differed, the differences and the choices (Re-check, Keep as it is, Roll back), with no reload.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResult } from './engine.js';
import { formatCount } from './format.js';

/** What {@link renderImportResult} shows. */
export interface ImportResultView {
  title: string;
  unitName: string;
  result: ImportResult;
  /** True when the page reloads by itself in a moment. */
  reloading: boolean;
  onReloadNow: () => void;
  /** Offered when the page does not reload. */
  onContinue?: () => void;
}

/** "Unit now holds n plugins, …" (no full stop). */
const holds = (unitName: string, r: ImportResult): string => {
  const c = r.counts;
  return `${unitName} now holds ${formatCount(c.plugins, 'plugin')}, ${formatCount(c.workspaces, 'workspace')}, ${formatCount(c.profiles, 'profile')} and ${formatCount(c.keys, 'key')}`;
};

/** Most verification differences listed; the rest are counted. */
export const MAX_LISTED_DIFFERENCES = 20;

/** Renders the success step with its heading (focus target), the counts and any verification difference. */
export function renderImportResult(v: ImportResultView): TemplateResult {
  const differences = v.result.differences;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice success" part="notice">
      <p>${holds(v.unitName, v.result)}${v.result.verified ? ', and was verified' : ''}.</p>
    </div>
    ${differences.length
      ? html`<div class="notice warning" part="notice">
          <p>The verification found ${formatCount(differences.length, 'difference')} with the backup:</p>
          <ul>
            ${differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${d}</li>`)}
          </ul>
        </div>`
      : nothing}
    ${v.reloading
      ? html`<p>The page reloads in a moment to show the new content.</p>
          <div class="actions">
            <button class="button primary" part="button primary-button" type="button" @click=${v.onReloadNow}>
              Reload now
            </button>
          </div>`
      : html`<p>Reload the page to see the new content.</p>
          ${v.onContinue
            ? html`<div class="actions">
                <button class="button" part="button" type="button" @click=${v.onContinue}>Continue</button>
              </div>`
            : nothing}`}
  `;
}

/** What {@link renderUnverified} shows. */
export interface UnverifiedView {
  /** Names what happened, e.g. "The import finished, but was not verified". */
  title: string;
  unitName: string;
  /** What the unit was compared with: "the backup" or "the safety snapshot". */
  target: string;
  result: ImportResult;
}

/** The outcome whose read-back differed: what the unit holds, every difference (up to a cap), and why it matters. */
export function renderUnverified(v: UnverifiedView): TemplateResult {
  const differences = v.result.differences;
  const more = differences.length - MAX_LISTED_DIFFERENCES;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice warning" part="notice">
      <p>
        ${holds(v.unitName, v.result)}, but reading it back found ${formatCount(differences.length, 'difference')}
        with ${v.target} (someone may have changed the unit meanwhile):
      </p>
      <ul>
        ${differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${d}</li>`)}
        ${more > 0 ? html`<li>and ${formatCount(more, 'more difference')}</li>` : nothing}
      </ul>
    </div>
    <p>
      The page was not reloaded. Re-check reads the unit again without changing it; Keep as it is accepts the unit as it
      is now and ends the import (download the safety snapshot first, it is deleted then); Roll back restores the
      safety snapshot.
    </p>
  `;
}
