/** The first step of `<dashboard-backup>`: what Export and Import do, before either tab shows. */
import { html, type TemplateResult } from 'lit';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';

/** What {@link renderWarningStep} shows and calls. */
export interface WarningStepView {
  unitName: string;
  /** A problem found while loading that does not stop an export (the journal cannot be read). */
  problem: DescribedError | undefined;
  onContinue: () => void;
}

/** Renders the warning step; its heading (`#warning-heading`) is the focus target. */
export function renderWarningStep(v: WarningStepView): TemplateResult {
  return html`
    <h3 id="warning-heading" tabindex="-1" part="heading">Before you start</h3>
    ${renderAlert(v.problem)}
    <ul class="warning-list">
      <li>
        <strong>Export</strong> saves everything in ${v.unitName} — plugins with their configuration and permissions,
        workspaces and their applications, profiles, and the key store including secret keys — to a file encrypted
        with a password you choose.
      </li>
      <li>The password cannot be recovered. Without it, nobody can open the backup.</li>
      <li>
        <strong>Import wipes ${v.unitName}</strong>: everything in it is deleted and replaced by the backup’s
        content. You see what will change before confirming, and a safety snapshot lets an interrupted import be
        resumed or rolled back.
      </li>
    </ul>
    <div class="actions">
      <button class="button primary" part="button primary-button" type="button" @click=${v.onContinue}>
        Continue
      </button>
    </div>
  `;
}
