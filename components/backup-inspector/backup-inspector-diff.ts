import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BackupDiff, DiffEntry, ManifestChange } from '../../src/inspect/diff.js';
import { SECTION_NAMES, slicePage, type SectionName } from '../../src/inspect/search.js';
import { diffStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { formatDate } from '../shared/format.js';
import './backup-inspector-pager.js';

const SECTION_TITLES: Record<SectionName, string> = {
  plugins: 'Plugins (by bundle)',
  workspaces: 'Workspaces (by name and owner)',
  profiles: 'Profiles (by name)',
  keys: 'Key store (by key)',
};

const MANIFEST_LABELS: Record<string, string> = {
  unit: 'Unit',
  origin: 'Origin',
  createdAt: 'Created',
  appVersion: 'App version',
  payloadVersion: 'Payload version',
  exportedBy: 'Exported by',
};

type Kind = 'Added' | 'Removed' | 'Changed';
interface Row {
  kind: Kind;
  entry: DiffEntry;
}

/**
 * @summary What differs between two backups, section by section, matched by natural key. Shows field names only,
 * never values, so a changed secret is reported without being shown.
 *
 * @csspart base - The wrapper.
 */
@customElement('backup-inspector-diff')
export class BackupInspectorDiff extends LitElement {
  static override styles = [inspectorTokens, diffStyles];

  /** The differences to show (`added` = only in the other backup, `removed` = only in this one). */
  @property({ attribute: false }) diff: BackupDiff | undefined;

  @state() private pages: Record<SectionName, number> = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('diff')) this.pages = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };
  }

  /** A manifest value; dates formatted as in the heading and the manifest, the exact time in `datetime`. */
  private renderManifestValue(m: ManifestChange, side: 'before' | 'after'): TemplateResult | string {
    const value = m[side];
    if (m.field !== 'createdAt') return value;
    const shown = formatDate(value);
    // Two backups made within the same minute format alike: then the exact times say how they differ.
    const same = shown === formatDate(m[side === 'before' ? 'after' : 'before']);
    return html`<time datetime=${value}>${same ? `${shown} (${value})` : shown}</time>`;
  }

  private renderSection(name: SectionName): TemplateResult {
    const s = this.diff!.sections[name];
    const rows: Row[] = [
      ...s.added.map((entry) => ({ kind: 'Added' as const, entry })),
      ...s.removed.map((entry) => ({ kind: 'Removed' as const, entry })),
      ...s.changed.map((entry) => ({ kind: 'Changed' as const, entry })),
    ];
    const slice = slicePage(rows, this.pages[name]);
    const id = `diff-${name}`;
    return html`<section aria-labelledby=${id} data-section=${name}>
      <h4 id=${id}>${SECTION_TITLES[name]}</h4>
      <p class="summary">
        ${s.added.length.toLocaleString()} added, ${s.removed.length.toLocaleString()} removed,
        ${s.changed.length.toLocaleString()} changed, ${s.unchanged.toLocaleString()} unchanged
      </p>
      ${s.order
        ? html`<p class="order" data-kind="order">
            Order differs: position ${s.order.position} holds “${s.order.before}” here, “${s.order.after}” in the other
            backup.
          </p>`
        : nothing}
      ${rows.length
        ? html`<ul class="entries">
            ${slice.items.map(
              ({ kind, entry }) => html`<li data-kind=${kind.toLowerCase()}>
                <span class="kind">${kind}</span> <bdi>${entry.label}</bdi>
                ${entry.fields.length ? html`<span class="muted">— ${entry.fields.join(', ')}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      <backup-inspector-pager
        label="${SECTION_TITLES[name]} differences pages"
        .page=${slice.page}
        .pageCount=${slice.pageCount}
        @page-change=${(e: CustomEvent<{ page: number }>) => (this.pages = { ...this.pages, [name]: e.detail.page })}
      ></backup-inspector-pager>
    </section>`;
  }

  override render() {
    const diff = this.diff;
    if (!diff) return nothing;
    return html`<div part="base">
      <p class="muted">
        “Added” is only in the other backup, “Removed” only in this one, “Changed” in both with different content
        (the fields that differ are named; values are not shown).
      </p>
      ${diff.identical ? html`<p><strong>The two backups hold the same content.</strong></p>` : nothing}
      ${diff.manifest.length
        ? html`<table>
            <caption>Backup details that differ</caption>
            <thead><tr><th scope="col">Field</th><th scope="col">This backup</th><th scope="col">Other backup</th></tr></thead>
            <tbody>
              ${diff.manifest.map(
                (m) => html`<tr>
                  <th scope="row">${MANIFEST_LABELS[m.field] ?? m.field}</th>
                  <td>${this.renderManifestValue(m, 'before')}</td>
                  <td>${this.renderManifestValue(m, 'after')}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${SECTION_NAMES.map((name) => this.renderSection(name))}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-diff': BackupInspectorDiff;
  }
}
