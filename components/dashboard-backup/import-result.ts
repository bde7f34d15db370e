/**
 * The last step of an import, a resumed import or a rollback: what the unit holds now, then the reload — or, when
 * the read-back differed, the differences and the choices (Re-check, Keep as it is, Roll back), with no reload.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResult } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { sayDifference } from '../shared/facts.js';
import { bdi, countsSentence } from '../shared/text.js';

/** What {@link renderImportResult} shows. */
export interface ImportResultView {
  l: Localizer;
  title: string;
  unitName: string;
  result: ImportResult;
  /** True when the page reloads by itself in a moment. */
  reloading: boolean;
  /** True once the host's reload hook was called and the element is still on the page (an SPA). */
  reloaded?: boolean;
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
  const differences = v.result.differenceFacts;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice success" part="notice">
      <p>${t.nowHolds(bdi(v.unitName), countsSentence(l, v.result.counts), v.result.verified)}</p>
    </div>
    ${differences.length
      ? html`<div class="notice warning" part="notice">
          <p>${t.verificationFound(l.count(differences.length, t.differences))}</p>
          <ul>
            ${differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${sayDifference(l, d)}</li>`)}
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
      : html`<p>${v.reloaded ? t.reloadedByHost : t.reloadToSee}</p>
          ${v.onContinue
            ? html`<div class="actions">
                <button class="button" part="button" type="button" @click=${v.onContinue}>${t.continue}</button>
              </div>`
            : nothing}`}
  `;
}

/** What {@link renderUnverified} shows. */
export interface UnverifiedView {
  l: Localizer;
  /** Names what happened, e.g. "The import finished, but was not verified". */
  title: string;
  unitName: string;
  /** What the unit was compared with. */
  target: 'backup' | 'snapshot';
  result: ImportResult;
}

/** The outcome whose read-back differed: what the unit holds, every difference (up to a cap), and why it matters. */
export function renderUnverified(v: UnverifiedView): TemplateResult {
  const { l } = v;
  const { t } = l;
  const differences = v.result.differenceFacts;
  const more = differences.length - MAX_LISTED_DIFFERENCES;
  return html`
    <h3 tabindex="-1" part="heading">${v.title}</h3>
    <div class="notice warning" part="notice">
      <p>
        ${t.unverifiedHolds(
          bdi(v.unitName),
          countsSentence(l, v.result.counts),
          l.count(differences.length, t.differences),
          v.target,
        )}
      </p>
      <ul>
        ${differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${sayDifference(l, d)}</li>`)}
        ${more > 0 ? html`<li>${l.count(more, t.moreDifferences)}</li>` : nothing}
      </ul>
    </div>
    <p>${t.unverifiedChoices}</p>
  `;
}
