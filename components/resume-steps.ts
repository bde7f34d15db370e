/** Parts of the resume panel (backup-resume-panel.ts) that only render: no state, no engine call. */
import { html, nothing, type TemplateResult } from 'lit';
import type { UnfinishedImport } from './engine.js';
import { formatDate } from './format.js';

/** What the resume panel runs. */
export type Mode = 'resume' | 'rollback' | 'recheck';
/** The safety snapshot as a link: an object URL and its file name. */
export interface SnapshotLink {
  url: string;
  filename: string;
}

/** Another tab holds the unit's lock (it is resuming or rolling back this import): nothing to offer here yet. */
export function renderElsewhere(unitName: string, onRecheck: () => void): TemplateResult {
  return html`
    <h3 tabindex="-1" part="heading">${unitName} is being restored in another tab</h3>
    <p>
      An import, resume or rollback of ${unitName} is running in another tab or window of this browser. Let it
      finish there. If that tab was closed, check again: the import can then be resumed or rolled back here.
    </p>
    <div class="actions">
      <button
        class="button"
        part="button"
        type="button"
        @click=${onRecheck}
      >
        Check again
      </button>
    </div>
  `;
}

/** The download link of the safety snapshot, while the journal keeps it. */
export function renderSnapshotLink(snapshot: SnapshotLink | undefined, fresh?: SnapshotLink): TemplateResult | typeof nothing {
  return snapshot
    ? html`<p class="hint snapshot">
          The safety snapshot (encrypted with the same password) is kept in this browser until the import is verified
          or kept:
          <a href=${snapshot.url} download=${snapshot.filename} part="link">Download the safety snapshot</a>.
        </p>
        ${fresh
          ? html`<p class="hint snapshot">
              The unit as the last resume or rollback found it, before changing it:
              <a href=${fresh.url} download=${fresh.filename} part="link">Download that snapshot</a>.
            </p>`
          : nothing}`
    : nothing;
}

/** The unverified outcome was kept: the journal has ended; the snapshot link lives as long as the page. */
export function renderKept(unitName: string, snapshot: SnapshotLink | undefined, onContinue: () => void): TemplateResult {
  return html`
    <h3 tabindex="-1" part="heading">${unitName} kept as it is</h3>
    <p>The import has ended; ${unitName} stays as it is now. Reload the page to see its content.</p>
    ${snapshot
      ? html`<p class="hint snapshot">
          The safety snapshot is no longer kept in this browser, but can still be downloaded until you leave this page:
          <a href=${snapshot.url} download=${snapshot.filename} part="link">Download the safety snapshot</a>.
        </p>`
      : nothing}
    <div class="actions">
      <button class="button" part="button" type="button" @click=${onContinue}>Continue</button>
    </div>
  `;
}

/** Heading while it runs. */
export const RUNNING: Record<Mode, string> = { resume: 'Resuming the import', rollback: 'Rolling back', recheck: 'Re-checking the unit' };
/** Label of the progress bar. */
export const PROGRESS_LABEL: Record<Mode, string> = { resume: 'Resume progress', rollback: 'Rollback progress', recheck: 'Re-check progress' };

/** What the journal says about the unfinished import: what it was restoring, when, and how far it got. */
export function renderUnfinished(u: UnfinishedImport | undefined, unitName: string) {
  if (!u) return html`<p>${unitName} may be only partly restored.</p>`;
  const what = u.mode === 'rollback' ? 'A rollback to the safety snapshot' : 'An import';
  const verified = u.status === 'unverified' ? '; every step was done, but the result differs from the backup' : '';
  return html`<p>
    ${what} of the backup of <strong>${u.source.unit.name}</strong> (made ${formatDate(u.source.createdAt)}) started
    ${formatDate(u.startedAt)} and stopped after ${u.steps.done} of ${u.steps.total} steps${verified}. ${unitName} may be
    only partly restored.
  </p>`;
}

/**
 * Unfinished imports of other Dashboards in this browser (another API base or client on this origin, or an earlier
 * version's, whose Dashboard is unknown): named so they are not forgotten, never offered here.
 */
export function renderOtherJournals(others: UnfinishedImport[]): TemplateResult | typeof nothing {
  if (others.length === 0) return nothing;
  return html`<div class="notice" part="notice other-journals">
    <p>
      This browser also holds ${others.length === 1 ? 'an unfinished import' : `${others.length} unfinished imports`}
      of another Dashboard. ${others.length === 1 ? 'It is' : 'They are'} not resumed or rolled back from here; open
      Backup on that Dashboard to finish ${others.length === 1 ? 'it' : 'them'}:
    </p>
    <ul>
      ${others.map(
        (u) => html`<li>
          ${u.unit.name} on ${u.dashboard ?? 'a Dashboard this browser did not record (earlier version)'}, started
          ${formatDate(u.startedAt)}
        </li>`,
      )}
    </ul>
  </div>`;
}
