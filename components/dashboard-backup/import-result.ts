/** The last step of an import, a resumed import or a rollback: what the unit holds now, then the reload. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResult } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi, countsSentence } from '../shared/text.js';

/** What {@link renderImportResult} shows. */
export interface ImportResultView {
  l: Localizer;
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
  const { l } = v;
  const { t } = l;
  const differences = v.result.differences;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice success" part="notice">
      <p>${t.nowHolds(bdi(v.unitName), countsSentence(l, v.result.counts))}</p>
    </div>
    ${differences.length
      ? html`<div class="notice warning" part="notice">
          <p>${t.verificationFound(l.count(differences.length, t.differences))}</p>
          <ul>
            ${differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${d}</li>`)}
          </ul>
        </div>`
      : nothing}
    ${v.reloading
      ? html`<p>${t.reloadsSoon}</p>
          <div class="actions">
            <button class="button primary" part="button primary-button" type="button" @click=${v.onReloadNow}>
              ${t.reloadNow}
            </button>
          </div>`
      : html`<p>${t.reloadToSee}</p>
          ${v.onContinue
            ? html`<div class="actions">
                <button class="button" part="button" type="button" @click=${v.onContinue}>${t.continue}</button>
              </div>`
            : nothing}`}
  `;
}
