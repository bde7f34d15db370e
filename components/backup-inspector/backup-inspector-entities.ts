/**
 * Renders the body of each entity in the inspector's tree. Every value goes through Lit text bindings, so markup in
 * the data (`<img onerror=…>`) shows as text; long lists and strings are cut so one entity cannot flood the DOM.
 * Labels from the catalog (the localizer's language); values from the Dashboard in `<bdi>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonObject, JsonValue, Plugin, Profile, Workspace } from '../../src/schemas.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';

/** Entries shown per JSON object or array level before "… n more". */
export const MAX_JSON_ENTRIES = 100;
/** Characters of a string shown before it is cut. */
export const MAX_TEXT_CHARS = 2000;
/** Nesting shown of a JSON value. */
export const MAX_JSON_DEPTH = 12;

/** A string cut to {@link MAX_TEXT_CHARS}, saying how much was left out. */
export function clipText(l: Localizer, text: string, max = MAX_TEXT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}${l.count(text.length - max, l.t.inspector.moreCharacters)}`;
}

function renderScalar(l: Localizer, value: JsonValue): string {
  return typeof value === 'string' ? JSON.stringify(clipText(l, value)) : String(value);
}

/** A JSON value as a nested list. */
export function renderJson(l: Localizer, value: JsonValue, depth = 0): TemplateResult {
  if (value === null || typeof value !== 'object') return html`${renderScalar(l, value)}`;
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  if (entries.length === 0) return html`${Array.isArray(value) ? '[]' : '{}'}`;
  if (depth >= MAX_JSON_DEPTH) return html`<span class="muted">${l.t.inspector.tooDeep}</span>`;
  const shown = entries.slice(0, MAX_JSON_ENTRIES);
  return html`<ul class="json">
    ${shown.map(([k, v]) => html`<li><span class="json-key">${k}:</span> ${renderJson(l, v, depth + 1)}</li>`)}
    ${entries.length > shown.length
      ? html`<li class="muted">${l.count(entries.length - shown.length, l.t.inspector.more)}</li>`
      : nothing}
  </ul>`;
}

/** Fields the schema does not know ("other fields", src/fields.ts: kept and restored as read), or nothing. */
export function renderExtras(l: Localizer, extra: JsonObject | undefined): TemplateResult | typeof nothing {
  if (!extra) return nothing;
  return html`<h4>${l.t.inspector.otherFieldsHeading}</h4>
    ${renderJson(l, extra)}`;
}

const none = (l: Localizer) => html`<span class="muted">${l.t.inspector.noneLower}</span>`;

function renderMappings(l: Localizer, mappings: Record<string, string>): TemplateResult {
  const entries = Object.entries(mappings);
  if (!entries.length) return none(l);
  return html`<ul class="plain">
    ${entries.map(([name, bundle]) => html`<li>${bdi(name)} → ${bdi(bundle)}</li>`)}
  </ul>`;
}

/** A plugin: fields, configuration, permissions with their roles, requirement mappings. */
export function renderPluginBody(l: Localizer, p: Plugin): TemplateResult {
  const t = l.t.inspector;
  const e = t.entity;
  const mapped = Object.entries(p.permissionMappings);
  return html`<dl class="fields">
      <dt>${e.bundle}</dt><dd>${bdi(p.bundle)}</dd>
      <dt>${e.version}</dt><dd>${bdi(p.version)}</dd>
      <dt>${e.author}</dt><dd>${bdi(p.author)}</dd>
      <dt>${e.enabled}</dt><dd>${p.enabled ? t.yes : t.no}</dd>
      <dt>${e.manifestUrl}</dt><dd>${bdi(p.manifestUrl)}</dd>
      ${p.description ? html`<dt>${e.description}</dt><dd>${bdi(clipText(l, p.description))}</dd>` : nothing}
      <dt>${e.icon}</dt><dd>${p.icon ? t.iconImage(l.number(p.icon.length)) : t.noneLower}</dd>
    </dl>
    <h4>${e.configuration}</h4>
    ${renderJson(l, p.configuration)}
    <h4>${t.permissionsCount(l.number(p.permissions.length))}</h4>
    ${p.permissions.length
      ? html`<ul class="plain">
          ${p.permissions.map((perm) => html`<li>${bdi(perm.label)} (${bdi(perm.id)})${perm.description ? html` — ${bdi(clipText(l, perm.description, 300))}` : ''}</li>`)}
        </ul>`
      : none(l)}
    <h4>${e.permissionMappings}</h4>
    ${mapped.length
      ? html`<ul class="plain">
          ${mapped.map(([perm, roles]) => html`<li>${bdi(perm)} → ${roles.length ? bdi(roles.join(', ')) : t.noRole}</li>`)}
        </ul>`
      : none(l)}
    <h4>${e.actions}</h4>
    ${renderMappings(l, p.requirementMappings.actions)}
    <h4>${e.portals}</h4>
    ${renderMappings(l, p.requirementMappings.portals)}`;
}

/** A workspace: fields and its applications with their configurations. */
export function renderWorkspaceBody(l: Localizer, w: Workspace): TemplateResult {
  const t = l.t.inspector;
  const e = t.entity;
  return html`<dl class="fields">
      <dt>${e.owner}</dt><dd>${bdi(w.owner)}</dd>
      <dt>${e.shared}</dt><dd>${w.shared ? t.yes : t.no}</dd>
      <dt>${e.layout}</dt><dd>${bdi(w.layout)}</dd>
      <dt>${e.icon}</dt><dd>${bdi(w.icon.text)} (${bdi(w.icon.color)})${w.icon.image ? t.withImage : ''}</dd>
    </dl>
    <h4>${t.applicationsCount(l.number(w.applications.length))}</h4>
    ${w.applications.length
      ? html`<ul class="plain">
          ${w.applications.map(
            (a) => html`<li>
              ${bdi(a.plugin)} <span class="muted">${t.columnPosition(l.number(a.column), l.number(a.position))}</span>
              ${renderJson(l, a.config)}
            </li>`,
          )}
        </ul>`
      : none(l)}`;
}

/** A profile: roles, and its workspaces by name (ids that match no workspace are flagged). */
export function renderProfileBody(l: Localizer, p: Profile, workspaceNames: Map<string, string>): TemplateResult {
  const t = l.t.inspector;
  return html`<dl class="fields">
      <dt>${t.entity.roles}</dt><dd>${p.roles.length ? bdi(p.roles.join(', ')) : t.noneLower}</dd>
    </dl>
    <h4>${t.workspacesCount(l.number(p.workspaces.length))}</h4>
    ${p.workspaces.length
      ? html`<ul class="plain">
          ${p.workspaces.map((id) => {
            const name = workspaceNames.get(id);
            return html`<li>${name !== undefined ? bdi(name) : html`<span class="error">${t.unknownWorkspace(bdi(id))}</span>`}</li>`;
          })}
        </ul>`
      : none(l)}`;
}
