/**
 * Renders the body of each entity in the inspector's tree. Every value goes through Lit text bindings, so markup in
 * the data (`<img onerror=…>`) shows as text; long lists and strings are cut so one entity cannot flood the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonObject, JsonValue, Plugin, Profile, Workspace } from '../../src/schemas.js';

/** Entries shown per JSON object or array level before "… n more". */
export const MAX_JSON_ENTRIES = 100;
/** Characters of a string shown before it is cut. */
export const MAX_TEXT_CHARS = 2000;
/** Nesting shown of a JSON value. */
export const MAX_JSON_DEPTH = 12;

/** A string cut to {@link MAX_TEXT_CHARS}, saying how much was left out. */
export function clipText(text: string, max = MAX_TEXT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString()} more characters)`;
}

function renderScalar(value: JsonValue): string {
  return typeof value === 'string' ? JSON.stringify(clipText(value)) : String(value);
}

/** A JSON value as a nested list. */
export function renderJson(value: JsonValue, depth = 0): TemplateResult {
  if (value === null || typeof value !== 'object') return html`${renderScalar(value)}`;
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  if (entries.length === 0) return html`${Array.isArray(value) ? '[]' : '{}'}`;
  if (depth >= MAX_JSON_DEPTH) return html`<span class="muted">… (nested too deep to show)</span>`;
  const shown = entries.slice(0, MAX_JSON_ENTRIES);
  return html`<ul class="json">
    ${shown.map(([k, v]) => html`<li><span class="json-key">${k}:</span> ${renderJson(v, depth + 1)}</li>`)}
    ${entries.length > shown.length
      ? html`<li class="muted">… ${(entries.length - shown.length).toLocaleString()} more</li>`
      : nothing}
  </ul>`;
}

/** Fields the schema does not know ("other fields", src/fields.ts: kept and restored as read), or nothing. */
export function renderExtras(extra: JsonObject | undefined): TemplateResult | typeof nothing {
  if (!extra) return nothing;
  return html`<h4>Other fields (not in the schema)</h4>
    ${renderJson(extra)}`;
}

function renderMappings(mappings: Record<string, string>): TemplateResult {
  const entries = Object.entries(mappings);
  if (!entries.length) return html`<span class="muted">none</span>`;
  return html`<ul class="plain">
    ${entries.map(([name, bundle]) => html`<li>${name} → ${bundle}</li>`)}
  </ul>`;
}

/** A plugin: fields, configuration, permissions with their roles, requirement mappings. */
export function renderPluginBody(p: Plugin): TemplateResult {
  const mapped = Object.entries(p.permissionMappings);
  return html`<dl class="fields">
      <dt>Bundle</dt><dd>${p.bundle}</dd>
      <dt>Version</dt><dd>${p.version}</dd>
      <dt>Author</dt><dd>${p.author}</dd>
      <dt>Enabled</dt><dd>${p.enabled ? 'yes' : 'no'}</dd>
      <dt>Manifest URL</dt><dd>${p.manifestUrl}</dd>
      ${p.description ? html`<dt>Description</dt><dd>${clipText(p.description)}</dd>` : nothing}
      <dt>Icon</dt><dd>${p.icon ? `image (${p.icon.length.toLocaleString()} characters, not displayed)` : 'none'}</dd>
    </dl>
    <h4>Configuration</h4>
    ${renderJson(p.configuration)}
    <h4>Permissions (${p.permissions.length})</h4>
    ${p.permissions.length
      ? html`<ul class="plain">
          ${p.permissions.map((perm) => html`<li>${perm.label} (${perm.id})${perm.description ? ` — ${clipText(perm.description, 300)}` : ''}</li>`)}
        </ul>`
      : html`<span class="muted">none</span>`}
    <h4>Permission mappings</h4>
    ${mapped.length
      ? html`<ul class="plain">
          ${mapped.map(([perm, roles]) => html`<li>${perm} → ${roles.length ? roles.join(', ') : 'no role'}</li>`)}
        </ul>`
      : html`<span class="muted">none</span>`}
    <h4>Requirement mappings: actions</h4>
    ${renderMappings(p.requirementMappings.actions)}
    <h4>Requirement mappings: portals</h4>
    ${renderMappings(p.requirementMappings.portals)}`;
}

/** A workspace: fields and its applications with their configurations. */
export function renderWorkspaceBody(w: Workspace): TemplateResult {
  return html`<dl class="fields">
      <dt>Owner</dt><dd>${w.owner}</dd>
      <dt>Shared</dt><dd>${w.shared ? 'yes' : 'no'}</dd>
      <dt>Layout</dt><dd>${w.layout}</dd>
      <dt>Icon</dt><dd>${w.icon.text} (${w.icon.color})${w.icon.image ? ', with an image (not displayed)' : ''}</dd>
    </dl>
    <h4>Applications (${w.applications.length})</h4>
    ${w.applications.length
      ? html`<ul class="plain">
          ${w.applications.map(
            (a) => html`<li>
              ${a.plugin} <span class="muted">column ${a.column}, position ${a.position}</span>
              ${renderJson(a.config)}
            </li>`,
          )}
        </ul>`
      : html`<span class="muted">none</span>`}`;
}

/** A profile: roles, and its workspaces by name (ids that match no workspace are flagged). */
export function renderProfileBody(p: Profile, workspaceNames: Map<string, string>): TemplateResult {
  return html`<dl class="fields">
      <dt>Roles</dt><dd>${p.roles.length ? p.roles.join(', ') : 'none'}</dd>
    </dl>
    <h4>Workspaces (${p.workspaces.length})</h4>
    ${p.workspaces.length
      ? html`<ul class="plain">
          ${p.workspaces.map((id) => {
            const name = workspaceNames.get(id);
            return html`<li>${name ?? html`<span class="error">unknown workspace (id ${id})</span>`}</li>`;
          })}
        </ul>`
      : html`<span class="muted">none</span>`}`;
}
