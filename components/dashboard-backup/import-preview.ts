/**
 * The preview of a validated backup: what it holds, and what importing it changes in this unit. Template functions
 * used by `<backup-import-panel>`; they render data, decide nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportPlan, OpenedBackup, PlanSectionName } from '../shared/engine.js';
import { formatDate } from '../shared/format.js';
import { canonicalJson } from '../../src/json.js';
import { otherFields } from '../../src/fields.js';

/** The sections in display order, with their names. */
export const PLAN_SECTIONS: readonly { key: PlanSectionName; label: string }[] = [
  { key: 'plugins', label: 'Plugins' },
  { key: 'workspaces', label: 'Workspaces' },
  { key: 'profiles', label: 'Profiles' },
  { key: 'keys', label: 'Keys' },
];

/** Most items listed per section and kind in the details; the rest are counted. */
export const MAX_LISTED_ITEMS = 50;

/** What the backup holds: counts, source unit, origin, date, author. */
export function renderBackupSummary(backup: OpenedBackup): TemplateResult {
  const m = backup.manifest;
  return html`
    <h4>This backup holds</h4>
    <ul class="counts" part="counts">
      ${PLAN_SECTIONS.map(
        (s) => html`<li><span class="count">${backup.counts[s.key].toLocaleString()}</span> ${s.label.toLowerCase()}</li>`,
      )}
    </ul>
    <dl class="facts">
      <dt>Made in unit</dt>
      <dd>${m.unit.name} (${m.unit.id})</dd>
      <dt>On the Dashboard at</dt>
      <dd>${m.origin}</dd>
      <dt>Created</dt>
      <dd>${formatDate(m.createdAt)}</dd>
      <dt>By</dt>
      <dd>${m.exportedBy.name}</dd>
    </dl>
  `;
}

function renderItems(title: string, items: { label: string }[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  const shown = items.slice(0, MAX_LISTED_ITEMS);
  return html`<p class="item-kind">${title}</p>
    <ul class="items">
      ${shown.map((i) => html`<li>${i.label}</li>`)}
      ${items.length > shown.length ? html`<li class="muted">and ${items.length - shown.length} more</li>` : nothing}
    </ul>`;
}

/** What importing changes in the target unit: a table of removed/created/unchanged per section, then the items. */
export function renderPlan(plan: ImportPlan, unitName: string): TemplateResult {
  const rows = PLAN_SECTIONS.map((s) => ({ ...s, plan: plan.sections[s.key] }));
  return html`
    <h4>What changes in ${unitName}</h4>
    <table class="plan" part="plan">
      <caption class="visually-hidden">Changes in ${unitName}, by section</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Removed</th>
          <th scope="col">Created</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <th scope="row">${r.label}</th>
            <td>${r.plan.delete.length}</td>
            <td>${r.plan.create.length}</td>
            <td>${r.plan.identical.length}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <details class="plan-details">
      <summary>Show the items</summary>
      ${rows.map(
        (r) => html`<h5>${r.label}</h5>
          ${renderItems('Removed', r.plan.delete)} ${renderItems('Created', r.plan.create)}
          ${renderItems('Unchanged', r.plan.identical)}
          ${r.plan.delete.length + r.plan.create.length + r.plan.identical.length === 0
            ? html`<p class="muted">None.</p>`
            : nothing}`,
      )}
    </details>
  `;
}

/** Problems inside the backup that stop the import: references to items the backup lacks. */
export function renderDangling(plan: ImportPlan): TemplateResult | typeof nothing {
  if (plan.dangling.length === 0) return nothing;
  return html`<div class="notice error" part="notice" role="alert">
    <p>
      <strong>This backup cannot be restored:</strong> it refers to ${plan.dangling.length === 1
        ? 'an item'
        : `${plan.dangling.length} items`}
      it does not contain. Use another backup.
    </p>
    <ul>
      ${plan.dangling.slice(0, 10).map((i) => html`<li>${i.path.join(' › ')}: ${i.message}</li>`)}
    </ul>
  </div>`;
}

/** Entities the Dashboard would refuse, and why: the import is not offered while there are any. */
export function renderUnwritable(plan: ImportPlan): TemplateResult | typeof nothing {
  if (plan.unwritable.length === 0) return nothing;
  const n = plan.unwritable.length;
  const title = Object.fromEntries(PLAN_SECTIONS.map((s) => [s.key, s.label.replace(/s$/, '')]));
  return html`<div class="notice error" part="notice" role="alert" data-problem="unwritable">
    <p>
      <strong>This backup cannot be restored here:</strong> ${n === 1 ? 'one item' : `${n} items`} below could not be
      sent to the Dashboard, so importing would stop after wiping the unit. Nothing has been changed. Fix
      ${n === 1 ? 'it' : 'them'} in the Dashboard the backup came from (or in this unit), then make a new backup.
    </p>
    <ul>
      ${plan.unwritable.slice(0, MAX_LISTED_ITEMS).map(
        (p) => html`<li data-section=${p.section} data-index=${p.index} data-in=${p.in}>
          ${p.in === 'unit' ? `In this unit, ${title[p.section]!.toLowerCase()}` : title[p.section]} “${p.label}”: ${p.reason}
        </li>`,
      )}
      ${n > MAX_LISTED_ITEMS ? html`<li class="muted">and ${n - MAX_LISTED_ITEMS} more</li>` : nothing}
    </ul>
  </div>`;
}

/** Longest "other fields" JSON shown per entity; the rest is cut (the inspector shows it all). */
export const MAX_OTHER_FIELDS_CHARS = 300;

/**
 * Fields of the backup's entities that this version does not model (a newer or different Dashboard returned them):
 * they are restored as read; shown read-only as compact JSON. A secret key's other fields are named, not shown.
 */
export function renderOtherFields(backup: OpenedBackup): TemplateResult | typeof nothing {
  const rows: { label: string; json: string }[] = [];
  const unit = backup.payload.unit;
  const add = (section: PlanSectionName, entity: object, label: string, hide = false) => {
    const other = otherFields(section, entity);
    if (!other) return;
    const json = hide ? `${Object.keys(other).join(', ')} (values hidden: secret key)` : canonicalJson(other);
    rows.push({ label, json: json.length > MAX_OTHER_FIELDS_CHARS ? `${json.slice(0, MAX_OTHER_FIELDS_CHARS)}…` : json });
  };
  for (const p of unit.plugins) add('plugins', p, `Plugin ${p.bundle}`);
  for (const w of unit.workspaces) add('workspaces', w, `Workspace ${w.name} (${w.owner})`);
  for (const p of unit.profiles) add('profiles', p, `Profile ${p.name}`);
  for (const k of unit.keys) add('keys', k, `Key ${k.key}`, k.secret);
  if (rows.length === 0) return nothing;
  return html`<details class="other-fields" part="other-fields">
    <summary>Other fields (${rows.length.toLocaleString()} item${rows.length === 1 ? '' : 's'})</summary>
    <p class="muted">Fields this version does not know. They are restored exactly as the backup holds them.</p>
    <dl>
      ${rows.slice(0, MAX_LISTED_ITEMS).map((r) => html`<dt>${r.label}</dt><dd><code>${r.json}</code></dd>`)}
    </dl>
    ${rows.length > MAX_LISTED_ITEMS ? html`<p class="muted">and ${rows.length - MAX_LISTED_ITEMS} more</p>` : nothing}
  </details>`;
}

/** What {@link renderConsequences} shows and calls. */
export interface ConsequencesView {
  plan: ImportPlan;
  backup: OpenedBackup;
  unitName: string;
  /** What the user typed to confirm a restore from another unit. */
  confirmation: string;
  onConfirmation: (text: string) => void;
}

/** The wipe warning, a note for another origin, and the unit-name confirmation for a backup of another unit. */
export function renderConsequences(v: ConsequencesView): TemplateResult {
  const removed = Object.values(v.plan.sections).reduce((n, s) => n + s.delete.length, 0);
  return html`
    <div class="notice warning" part="notice">
      <p>
        <strong>Importing wipes ${v.unitName} first.</strong> ${removed === 1 ? '1 item' : `${removed} items`} currently
        there will be deleted, then the backup’s content is created. A safety snapshot is taken just before, so an
        interrupted import can be resumed or rolled back.
      </p>
    </div>
    ${v.plan.sameOrigin
      ? nothing
      : html`<p class="notice" part="notice">This backup was made on another Dashboard (${v.backup.manifest.origin}).</p>`}
    ${v.plan.sameUnit
      ? nothing
      : html`<div class="notice warning" part="notice">
          <p>This backup was made in <strong>${v.backup.manifest.unit.name}</strong>, not in ${v.unitName}.</p>
          <div class="field">
            <label for="confirm-unit" part="label">Type <strong>${v.unitName}</strong> to confirm</label>
            <input
              id="confirm-unit"
              part="input"
              type="text"
              autocomplete="off"
              spellcheck="false"
              .value=${v.confirmation}
              @input=${(e: Event) => v.onConfirmation((e.target as HTMLInputElement).value)}
            />
          </div>
        </div>`}
  `;
}
