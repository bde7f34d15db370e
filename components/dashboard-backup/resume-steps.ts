/** Parts of the resume panel (backup-resume-panel.ts) that only render: no state, no engine call. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportResult, UnfinishedImport } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';

/** What the resume panel runs. */
export type Mode = 'resume' | 'rollback' | 'recheck';

/** An operation that ended with a read-back that differed from its target (shown with the choices, no reload). */
export interface UnverifiedOutcome {
  /** What ran: an import (in the Import tab), a resume, a rollback or a re-check. */
  mode: 'import' | Mode;
  result: ImportResult;
}

/**
 * The heading of a verified end, naming what happened.
 * @param isRollback the panel ran a rollback, or the journal is a rollback's.
 * @param journalIsRollback the journal resumed is a rollback's.
 */
export function doneTitle(l: Localizer, mode: Mode, isRollback: boolean, journalIsRollback: boolean): string {
  const done = l.t.doneTitle;
  if (mode === 'rollback') return done.rollback;
  if (mode === 'recheck') return isRollback ? done.recheckedRollback : done.recheckedImport;
  return journalIsRollback ? done.resumedRollback : done.resumedImport;
}

/** The heading of an unverified end, naming what happened. */
export function outcomeTitle(l: Localizer, mode: UnverifiedOutcome['mode'], isRollback: boolean): string {
  const what = mode === 'resume' ? (isRollback ? 'resumedRollback' : 'resumedImport') : mode;
  return l.t.outcomeTitle[what];
}
/** The safety snapshot as a link: an object URL and its file name. */
export interface SnapshotLink {
  url: string;
  filename: string;
}

/** Another tab holds the unit's lock (it is resuming or rolling back this import): nothing to offer here yet. */
export function renderElsewhere(l: Localizer, unitName: string, onRecheck: () => void): TemplateResult {
  const { t } = l;
  const unit = bdi(unitName);
  return html`
    <h3 tabindex="-1" part="heading">${t.elsewhereHeading(unit)}</h3>
    <p>${t.elsewhere(unit)}</p>
    <div class="actions">
      <button class="button" part="button" type="button" @click=${onRecheck}>${t.checkAgain}</button>
    </div>
  `;
}

const link = (s: SnapshotLink, text: string) => html`<a href=${s.url} download=${s.filename} part="link">${text}</a>`;

/** The download link of the safety snapshot, while the journal keeps it. */
export function renderSnapshotLink(
  l: Localizer,
  snapshot: SnapshotLink | undefined,
  fresh?: SnapshotLink,
): TemplateResult | typeof nothing {
  const { t } = l;
  return snapshot
    ? html`<p class="hint snapshot">${t.snapshotKept(link(snapshot, t.downloadSnapshot))}</p>
        ${fresh ? html`<p class="hint snapshot">${t.freshSnapshot(link(fresh, t.downloadFreshSnapshot))}</p>` : nothing}`
    : nothing;
}

/** The unverified outcome was kept: the journal has ended; the snapshot link lives as long as the page. */
export function renderKept(
  l: Localizer,
  unitName: string,
  snapshot: SnapshotLink | undefined,
  onContinue: () => void,
): TemplateResult {
  const { t } = l;
  const unit = bdi(unitName);
  return html`
    <h3 tabindex="-1" part="heading">${t.keptHeading(unit)}</h3>
    <p>${t.kept(unit)}</p>
    ${snapshot ? html`<p class="hint snapshot">${t.keptSnapshot(link(snapshot, t.downloadSnapshot))}</p>` : nothing}
    <div class="actions">
      <button class="button" part="button" type="button" @click=${onContinue}>${t.continue}</button>
    </div>
  `;
}

/** What the journal says about the unfinished import: what it was restoring, when, and how far it got. */
export function renderUnfinished(l: Localizer, u: UnfinishedImport | undefined, unitName: string): TemplateResult {
  const { t } = l;
  if (!u) return html`<p>${t.partlyRestored(bdi(unitName))}</p>`;
  return html`<p>
    ${t.unfinished({
      rollback: u.mode === 'rollback',
      selective: u.selective === true,
      source: html`<strong>${bdi(u.source.unit.name)}</strong>`,
      made: l.date(u.source.createdAt),
      started: l.date(u.startedAt),
      done: l.number(u.steps.done),
      total: l.number(u.steps.total),
      unverified: u.status === 'unverified',
    })}
    ${t.partlyRestored(bdi(unitName))}
  </p>`;
}

/**
 * Unfinished imports of other Dashboards in this browser (another API base or client on this origin, or an earlier
 * version's, whose Dashboard is unknown): named so they are not forgotten, never offered here.
 */
export function renderOtherJournals(l: Localizer, others: UnfinishedImport[]): TemplateResult | typeof nothing {
  if (others.length === 0) return nothing;
  const { t } = l;
  return html`<div class="notice" part="notice other-journals">
    <p>${l.count(others.length, t.otherJournals)}</p>
    <ul>
      ${others.map(
        (u) => html`<li>
          ${t.otherJournal(bdi(u.unit.name), u.dashboard ? bdi(u.dashboard) : t.unknownDashboard, l.date(u.startedAt))}
        </li>`,
      )}
    </ul>
  </div>`;
}
