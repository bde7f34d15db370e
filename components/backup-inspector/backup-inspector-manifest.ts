/**
 * The open backup's card in `<backup-inspector>`: its manifest and counts, the schema problems of a file that is
 * not quite valid, and the warning before saving unencrypted JSON. Names from the Dashboard in `<bdi>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ValidationIssue } from '../../src/errors.js';
import { UNKNOWN_SECTION, type InspectedBackup } from '../../src/inspect/open.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { sayProblem } from '../shared/problems.js';
import { bdi } from '../shared/text.js';
import { sayIssuePath } from './inspector-text.js';

/** Schema problems listed under the manifest; the rest are counted. */
export const MAX_ISSUES_SHOWN = 50;

/** The manifest, the counts, and any schema problem. */
export function renderManifest(l: Localizer, b: InspectedBackup): TemplateResult {
  const { t } = l;
  const f = t.inspector.fields;
  const m = b.manifest;
  const c = b.counts;
  return html`<section part="manifest" aria-labelledby="manifest-heading">
    <h2 id="manifest-heading">${t.inspector.backupOf(bdi(m.unit.name))}</h2>
    <dl class="fields">
      <dt>${f.unit}</dt><dd>${bdi(`${m.unit.name} (${m.unit.id})`)}</dd>
      <dt>${f.origin}</dt><dd>${bdi(m.origin)}</dd>
      <dt>${f.createdAt}</dt><dd><time datetime=${m.createdAt}>${l.date(m.createdAt)}</time></dd>
      <dt>${f.exportedBy}</dt><dd>${bdi(`${m.exportedBy.name} (${m.exportedBy.id})`)}</dd>
      <dt>${f.appVersion}</dt><dd>${bdi(m.appVersion)}</dd>
      <dt>${f.payloadVersion}</dt><dd>${l.number(m.payloadVersion)}</dd>
    </dl>
    <ul class="counts" aria-label=${t.inspector.countsLabel}>
      <li>${l.count(c.plugins, t.plugins)}</li>
      <li>${l.count(c.workspaces, t.workspaces)}</li>
      <li>${l.count(c.profiles, t.profiles)}</li>
      <li>${l.count(c.keys, t.keyStoreConfigs)}</li>
    </ul>
    ${b.countsMatch ? nothing : html`<p class="warning">${t.inspector.countsDiffer}</p>`}
    ${b.issues.length ? renderIssues(l, b) : nothing}
  </section>`;
}

function renderIssues(l: Localizer, b: InspectedBackup): TemplateResult {
  const t = l.t.inspector;
  const shown = b.issues.slice(0, MAX_ISSUES_SHOWN);
  // zod's issues are worded from their code and parameters in the reader's language; unknown sections are ours.
  const message = (i: ValidationIssue) => (i.message === UNKNOWN_SECTION ? t.unknownSection : sayProblem(l, i));
  return html`<div class="warning issues">
    <p><strong>${t.notValid}</strong> (${l.count(b.issues.length, t.problems)}). ${t.notValidMore}</p>
    <details>
      <summary>${t.problemsByPath}</summary>
      <ul>
        ${shown.map((i) => html`<li><code>${bdi(sayIssuePath(l, i.path))}</code>: ${message(i)}</li>`)}
        ${b.issues.length > shown.length ? html`<li>${l.count(b.issues.length - shown.length, t.more)}</li>` : nothing}
      </ul>
    </details>
  </div>`;
}

/** The confirmation before saving unencrypted JSON. */
export function renderSaveWarning(l: Localizer, onSave: () => void, onCancel: () => void): TemplateResult {
  const t = l.t.inspector;
  return html`<div part="save-warning" class="warning" role="alertdialog" aria-labelledby="save-title" aria-describedby="save-text">
    <h3 id="save-title">${t.saveTitle}</h3>
    <p id="save-text">${t.saveText()}</p>
    <div class="actions">
      <button type="button" class="danger" @click=${onSave}>${t.saveConfirm}</button>
      <button type="button" @click=${onCancel}>${l.t.cancel}</button>
    </div>
  </div>`;
}
