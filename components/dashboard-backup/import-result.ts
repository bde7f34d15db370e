/** The last step of an import, a resumed import or a rollback: what the unit holds now, then the reload. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResult } from '../shared/engine.js';
import { formatCount } from '../shared/format.js';

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

/** Most verification differences listed; the rest are counted. */
export const MAX_LISTED_DIFFERENCES = 20;

/** Renders the success step with its heading (focus target), the counts and any verification difference. */
export function renderImportResult(v: ImportResultView): TemplateResult {
  const c = v.result.counts;
  const differences = v.result.differences;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice success" part="notice">
      <p>
        ${v.unitName} now holds ${formatCount(c.plugins, 'plugin')}, ${formatCount(c.workspaces, 'workspace')},
        ${formatCount(c.profiles, 'profile')} and ${formatCount(c.keys, 'key')}, and was verified.
      </p>
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
