/** The first step of `<dashboard-backup>`: what Export and Import do, before either tab shows. */
import { html, type TemplateResult } from 'lit';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';

/** What {@link renderWarningStep} shows and calls. */
export interface WarningStepView {
  l: Localizer;
  unitName: string;
  /** A problem found while loading that does not stop an export (the journal cannot be read). */
  problem: DescribedError | undefined;
  onContinue: () => void;
  /** The pointer entered, or focus reached, Continue: a chance to fetch the next step before the click. */
  onApproach?: () => void;
}

/** Renders the warning step; its heading (`#warning-heading`) is the focus target. */
export function renderWarningStep(v: WarningStepView): TemplateResult {
  const { t } = v.l;
  const unit = bdi(v.unitName);
  return html`
    <h3 id="warning-heading" tabindex="-1" part="heading">${t.warningHeading}</h3>
    ${renderAlert(v.problem)}
    <ul class="warning-list">
      <li>${t.warningExport(unit)}</li>
      <li>${t.warningPassword}</li>
      <li>${t.warningImport(unit)}</li>
    </ul>
    <div class="actions">
      <button class="button primary" part="button primary-button" type="button" @click=${v.onContinue} @pointerenter=${v.onApproach} @focus=${v.onApproach}>
        ${t.continue}
      </button>
    </div>
  `;
}
