/**
 * The steps `<dashboard-backup>` shows before (or instead of) its panels: loading, a failure to read the session,
 * "administrators only", and the warning step (with the unfinished imports of other Dashboards).
 */
import { html, type TemplateResult } from 'lit';
import type { UnfinishedImport } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';
import { bdi } from '../shared/text.js';
import { renderOtherJournals } from './resume-steps.js';
import { renderWarningStep } from './warning-step.js';

/** Which step the element shows. */
export type View = 'loading' | 'failed' | 'forbidden' | 'unfinished' | 'warning' | 'tabs';

/** What {@link renderBody} shows and calls. */
export interface BodyView {
  l: Localizer;
  view: View;
  unitName: string;
  userName: string;
  /** Why the session could not be read (`failed`). */
  error: DescribedError | undefined;
  /** The journal could not be read: shown on the warning step, which still leads to Export. */
  journalProblem: DescribedError | undefined;
  otherJournals: UnfinishedImport[];
  onRetry: () => void;
  onContinue: () => void;
  /** The pointer or focus reached Continue: fetch the Export panel before the click. */
  onApproachContinue: () => void;
  /** The resume panel (`unfinished`) and the tabs (`tabs`), from panels.ts. */
  renderResume: () => unknown;
  renderTabs: () => unknown;
}

/** The current step. */
export function renderBody(v: BodyView): TemplateResult | unknown {
  const { l } = v;
  const { t } = l;
  switch (v.view) {
    case 'loading':
      return html`<p role="status">${t.loading}</p>`;
    case 'failed':
      return html`${renderAlert(v.error)}
        <div class="actions">
          <button class="button" part="button" type="button" @click=${v.onRetry}>${t.tryAgain}</button>
        </div>`;
    case 'forbidden':
      return html`<h3 tabindex="-1" part="heading">${t.adminsOnly}</h3>
        <p>${t.notAdmin(bdi(v.unitName), bdi(v.userName))}</p>`;
    case 'unfinished':
      return v.renderResume();
    case 'warning':
      return html`${renderWarningStep({
        l,
        unitName: v.unitName,
        problem: v.journalProblem,
        onContinue: v.onContinue,
        onApproach: v.onApproachContinue,
      })}${renderOtherJournals(l, v.otherJournals)}`;
    case 'tabs':
      return v.renderTabs();
  }
}
