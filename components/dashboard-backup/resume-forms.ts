/**
 * The resume panel's forms: an import that stopped (Resume or Roll back), and one whose read-back differed
 * (Re-check, Keep as it is, Roll back); and its running step. Each form takes the backup's password or recovery key.
 */
import { html, type TemplateResult } from 'lit';
import type { ImportResult, Progress, UnfinishedImport } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';
import { bdi } from '../shared/text.js';
import { renderUnverified } from './import-result.js';
import { renderProgress } from './progress.js';
import { renderSnapshotLink, renderUnfinished, type Mode, type SnapshotLink } from './resume-steps.js';

/** What both forms show and call. */
export interface ResumeFormView {
  l: Localizer;
  unitName: string;
  error: DescribedError | undefined;
  /** The password (or recovery key) field. */
  secretField: TemplateResult;
  snapshot: SnapshotLink | undefined;
  freshSnapshot: SnapshotLink | undefined;
  onRun: (mode: Mode) => void;
}

/** An import (or rollback) that stopped: Resume or Roll back. */
export function renderAskForm(v: ResumeFormView & { unfinished: UnfinishedImport | undefined; cause: DescribedError | undefined }): TemplateResult {
  const { l } = v;
  const { t } = l;
  return html`
    <h3 tabindex="-1" part="heading">${t.unfinishedHeading(v.unfinished?.mode === 'rollback', bdi(v.unitName), v.unfinished?.selective === true)}</h3>
    ${renderAlert(v.cause)}
    ${renderUnfinished(l, v.unfinished, v.unitName)}
    <p>${t.resumeOrRollBack}</p>
    ${renderAlert(v.error)}
    <form novalidate @submit=${(e: Event) => (e.preventDefault(), v.onRun('resume'))}>
      ${v.secretField}
      <div class="actions">
        <button class="button primary" part="button primary-button" type="submit">${t.resume}</button>
        <button class="button" part="button" type="button" @click=${() => v.onRun('rollback')}>${t.rollBack}</button>
      </div>
    </form>
    ${renderSnapshotLink(l, v.snapshot, v.freshSnapshot)}
  `;
}

/** What {@link renderUnverifiedForm} shows beyond {@link ResumeFormView}. */
export interface UnverifiedFormView extends ResumeFormView {
  /** The operation's title and result, when it ended in this page; else the journal says only "unverified". */
  shown: { title: string; result: ImportResult } | undefined;
  isRollback: boolean;
  /** The journal is a selective restore's. */
  selective: boolean;
  onKeep: () => void;
}

/** Read-back differed (just now, or found in the journal): the differences if known, and the three choices. */
export function renderUnverifiedForm(v: UnverifiedFormView): TemplateResult {
  const { l } = v;
  const { t } = l;
  const target = v.isRollback ? 'snapshot' : 'backup';
  const unit = bdi(v.unitName);
  return html`
    ${v.shown
      ? renderUnverified({ l, title: v.shown.title, unitName: v.unitName, target, result: v.shown.result })
      : html`<h3 tabindex="-1" part="heading">${t.unverifiedHeading(v.isRollback, unit, v.selective)}</h3>
          <p>${t.unverifiedLater(unit, target)}</p>`}
    ${renderAlert(v.error)}
    <form novalidate @submit=${(e: Event) => (e.preventDefault(), v.onRun('recheck'))}>
      ${v.secretField}
      <div class="actions">
        <button class="button primary" part="button primary-button" type="submit">${t.recheck}</button>
        <button class="button" part="button" type="button" @click=${v.onKeep}>${t.keep}</button>
        <button class="button" part="button" type="button" @click=${() => v.onRun('rollback')}>${t.rollBack}</button>
      </div>
    </form>
    ${renderSnapshotLink(l, v.snapshot, v.freshSnapshot)}
  `;
}

/** A resume, rollback or re-check running. */
export function renderRunning(l: Localizer, mode: Mode, progress: Progress | undefined): TemplateResult {
  return html`
    <h3 tabindex="-1" part="heading">${l.t.runningHeading[mode]}</h3>
    <p>${l.t.keepPageOpen}</p>
    ${renderProgress(progress, l.t.runningProgress[mode], l)}
  `;
}
