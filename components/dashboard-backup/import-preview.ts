/**
 * The preview of a validated backup: what it holds, and what importing it changes in this unit. Template functions
 * used by `<backup-import-panel>`; they render data, decide nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ImportPlan, OpenedBackup, PlanSectionName } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { sayDangling, sayWriteReason } from '../shared/facts.js';
import { bdi } from '../shared/text.js';
import { canonicalJson } from '../../src/json.js';
import { otherFields } from '../../src/fields.js';

/** The sections in display order (their names come from the catalog's `sections`). */
export const PLAN_SECTIONS: readonly { key: PlanSectionName }[] = [
  { key: 'plugins' },
  { key: 'workspaces' },
  { key: 'profiles' },
  { key: 'keys' },
];

/** Most items listed per section and kind in the details; the rest are counted. */
export const MAX_LISTED_ITEMS = 50;

/** What the backup holds: counts, source unit, origin, date, author. */
export function renderBackupSummary(l: Localizer, backup: OpenedBackup): TemplateResult {
  const { t } = l;
  const m = backup.manifest;
  return html`
    <h4>${t.backupHolds}</h4>
    <ul class="counts" part="counts">
      ${PLAN_SECTIONS.map(
        (s) => html`<li><span class="count">${l.number(backup.counts[s.key])}</span> ${t.sectionsInCount[s.key]}</li>`,
      )}
    </ul>
    <dl class="facts">
      <dt>${t.madeInUnit}</dt>
      <dd>${bdi(m.unit.name)} (${bdi(m.unit.id)})</dd>
      <dt>${t.madeOnDashboard}</dt>
      <dd>${bdi(m.origin)}</dd>
      <dt>${t.createdAt}</dt>
      <dd>${l.date(m.createdAt)}</dd>
      <dt>${t.createdBy}</dt>
      <dd>${bdi(m.exportedBy.name)}</dd>
    </dl>
  `;
}

function renderItems(l: Localizer, title: string, items: { label: string }[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  const shown = items.slice(0, MAX_LISTED_ITEMS);
  return html`<p class="item-kind">${title}</p>
    <ul class="items">
      ${shown.map((i) => html`<li>${bdi(i.label)}</li>`)}
      ${items.length > shown.length ? html`<li class="muted">${l.count(items.length - shown.length, l.t.andMore)}</li>` : nothing}
    </ul>`;
}

/** What importing changes in the target unit: a table of removed/created/unchanged per section, then the items. */
export function renderPlan(l: Localizer, plan: ImportPlan, unitName: string): TemplateResult {
  const { t } = l;
  const rows = PLAN_SECTIONS.map((s) => ({ ...s, label: t.sections[s.key], plan: plan.sections[s.key] }));
  return html`
    <h4>${t.whatChanges(bdi(unitName))}</h4>
    <table class="plan" part="plan">
      <caption class="visually-hidden">${t.changesCaption(bdi(unitName))}</caption>
      <thead>
        <tr>
          <th scope="col">${t.section}</th>
          <th scope="col">${t.removed}</th>
          <th scope="col">${t.created}</th>
          <th scope="col">${t.unchanged}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <th scope="row">${r.label}</th>
            <td>${l.number(r.plan.delete.length)}</td>
            <td>${l.number(r.plan.create.length)}</td>
            <td>${l.number(r.plan.identical.length)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${renderKept(l, plan)}
    <details class="plan-details">
      <summary>${t.showItems}</summary>
      ${rows.map(
        (r) => html`<h5>${r.label}</h5>
          ${renderItems(l, t.removed, r.plan.delete)} ${renderItems(l, t.created, r.plan.create)}
          ${renderItems(l, t.unchanged, r.plan.identical)}
          ${r.plan.delete.length + r.plan.create.length + r.plan.identical.length === 0
            ? html`<p class="muted">${t.none}</p>`
            : nothing}`,
      )}
    </details>
  `;
}

/** Under the table: how many of the unchanged items the import keeps as they are, and how many it recreates. */
function renderKept(l: Localizer, plan: ImportPlan): TemplateResult | typeof nothing {
  const identical = PLAN_SECTIONS.reduce((n, s) => n + plan.sections[s.key].identical.length, 0);
  if (identical === 0) return nothing;
  const kept = Math.min(identical, PLAN_SECTIONS.reduce((n, s) => n + (plan.kept?.[s.key] ?? 0), 0));
  const recreated = identical - kept;
  return html`<p class="plan-kept" part="plan-kept">
    ${kept > 0 ? l.count(kept, l.t.keptItems) : nothing} ${recreated > 0 ? l.count(recreated, l.t.recreatedItems) : nothing}
  </p>`;
}

/** Problems inside the backup that stop the import: references to items the backup lacks. */
export function renderDangling(l: Localizer, plan: ImportPlan): TemplateResult | typeof nothing {
  if (plan.dangling.length === 0) return nothing;
  return html`<div class="notice error" part="notice" role="alert">
    <p>
      <strong>${l.t.cannotRestore}</strong> ${l.count(plan.dangling.length, l.t.danglingItems)}
    </p>
    <ul>
      ${plan.dangling.slice(0, 10).map((i) => html`<li>${bdi(i.path.join(' › '))}: ${sayDangling(l, i)}</li>`)}
    </ul>
  </div>`;
}

/** Entities the Dashboard would refuse, and why: the import is not offered while there are any. */
export function renderUnwritable(l: Localizer, plan: ImportPlan): TemplateResult | typeof nothing {
  if (plan.unwritable.length === 0) return nothing;
  const { t } = l;
  const n = plan.unwritable.length;
  return html`<div class="notice error" part="notice" role="alert" data-problem="unwritable">
    <p><strong>${t.cannotRestoreHere}</strong> ${l.count(n, t.unwritableItems)}</p>
    <ul>
      ${plan.unwritable.slice(0, MAX_LISTED_ITEMS).map(
        (p) => html`<li data-section=${p.section} data-index=${p.index} data-in=${p.in}>
          ${t.unwritableItem(p.in === 'unit', p.section, bdi(p.label))}: ${sayWriteReason(l, p.why)}
        </li>`,
      )}
      ${n > MAX_LISTED_ITEMS ? html`<li class="muted">${l.count(n - MAX_LISTED_ITEMS, t.andMore)}</li>` : nothing}
    </ul>
  </div>`;
}

/** Longest "other fields" JSON shown per entity; the rest is cut (the inspector shows it all). */
export const MAX_OTHER_FIELDS_CHARS = 300;

/**
 * Fields of the backup's entities that this version does not model (a newer or different Dashboard returned them):
 * they are restored as read; shown read-only as compact JSON. A secret key's other fields are named, not shown.
 */
export function renderOtherFields(l: Localizer, backup: OpenedBackup): TemplateResult | typeof nothing {
  const { t } = l;
  const rows: { label: string; json: string }[] = [];
  const unit = backup.payload.unit;
  const add = (section: PlanSectionName, entity: object, label: string, hide = false) => {
    const other = otherFields(section, entity);
    if (!other) return;
    const json = hide ? t.valuesHidden(Object.keys(other).join(', ')) : canonicalJson(other);
    rows.push({ label, json: json.length > MAX_OTHER_FIELDS_CHARS ? `${json.slice(0, MAX_OTHER_FIELDS_CHARS)}…` : json });
  };
  for (const p of unit.plugins) add('plugins', p, t.otherFieldsOf.plugins(p.bundle));
  for (const w of unit.workspaces) add('workspaces', w, t.otherFieldsOf.workspaces(`${w.name} (${w.owner})`));
  for (const p of unit.profiles) add('profiles', p, t.otherFieldsOf.profiles(p.name));
  for (const k of unit.keys) add('keys', k, t.otherFieldsOf.keys(k.key), k.secret);
  if (rows.length === 0) return nothing;
  return html`<details class="other-fields" part="other-fields">
    <summary>${t.otherFields(l.count(rows.length, t.items))}</summary>
    <p class="muted">${t.otherFieldsHint}</p>
    <dl>
      ${rows.slice(0, MAX_LISTED_ITEMS).map((r) => html`<dt>${bdi(r.label)}</dt><dd><code><bdi>${r.json}</bdi></code></dd>`)}
    </dl>
    ${rows.length > MAX_LISTED_ITEMS ? html`<p class="muted">${l.count(rows.length - MAX_LISTED_ITEMS, t.andMore)}</p>` : nothing}
  </details>`;
}

/** What {@link renderConsequences} shows and calls. */
export interface ConsequencesView {
  l: Localizer;
  plan: ImportPlan;
  backup: OpenedBackup;
  unitName: string;
  /** What the user typed to confirm a restore from another unit. */
  confirmation: string;
  onConfirmation: (text: string) => void;
}

/** The wipe warning, a note for another origin, and the unit-name confirmation for a backup of another unit. */
export function renderConsequences(v: ConsequencesView): TemplateResult {
  const { l } = v;
  const { t } = l;
  const removed = Object.values(v.plan.sections).reduce((n, s) => n + s.delete.length, 0);
  const unitName = bdi(v.unitName);
  return html`
    <div class="notice warning" part="notice">
      <p><strong>${t.wipesFirst(unitName)}</strong> ${l.count(removed, t.wipeConsequence)}</p>
    </div>
    ${v.plan.sameOrigin
      ? nothing
      : html`<p class="notice" part="notice">${t.otherDashboard(bdi(v.backup.manifest.origin))}</p>`}
    ${v.plan.sameUnit
      ? nothing
      : html`<div class="notice warning" part="notice">
          <p>${t.otherUnit(html`<strong>${bdi(v.backup.manifest.unit.name)}</strong>`, unitName)}</p>
          <div class="field">
            <label for="confirm-unit" part="label">${t.typeToConfirm(html`<strong>${unitName}</strong>`)}</label>
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
