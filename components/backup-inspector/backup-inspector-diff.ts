import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BackupDiff, DiffEntry, ManifestChange } from '../../src/inspect/diff.js';
import { SECTION_NAMES, slicePage, type SectionName } from '../../src/inspect/search.js';
import { diffStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { LocaleController } from '../shared/l10n/controller.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';
import './backup-inspector-pager.js';

type Kind = 'added' | 'removed' | 'changed';
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

  private readonly l10n = new LocaleController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('diff')) this.pages = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };
  }

  /** A manifest value; dates formatted as in the heading and the manifest, the exact time in `datetime`. */
  private renderManifestValue(l: Localizer, m: ManifestChange, side: 'before' | 'after'): TemplateResult {
    const value = m[side];
    if (m.field !== 'createdAt') return bdi(value);
    const shown = l.date(value);
    // Two backups made within the same minute format alike: then the exact times say how they differ.
    const same = shown === l.date(m[side === 'before' ? 'after' : 'before']);
    return html`<time datetime=${value}>${same ? `${shown} (${value})` : shown}</time>`;
  }

  private renderSection(name: SectionName): TemplateResult {
    const s = this.diff!.sections[name];
    const { l } = this.l10n;
    const t = l.t.inspector;
    const names = l.t.facts.fieldNames as Record<string, string>;
    const rows: Row[] = [
      ...s.added.map((entry) => ({ kind: 'added' as const, entry })),
      ...s.removed.map((entry) => ({ kind: 'removed' as const, entry })),
      ...s.changed.map((entry) => ({ kind: 'changed' as const, entry })),
    ];
    const slice = slicePage(rows, this.pages[name]);
    const id = `diff-${name}`;
    return html`<section aria-labelledby=${id} data-section=${name}>
      <h4 id=${id}>${t.diffTitles[name]}</h4>
      <p class="summary">
        ${t.diffSummary(l.number(s.added.length), l.number(s.removed.length), l.number(s.changed.length), l.number(s.unchanged))}
      </p>
      ${s.order
        ? html`<p class="order" data-kind="order">
            ${t.orderDiffers(l.number(s.order.position), bdi(s.order.before), bdi(s.order.after))}
          </p>`
        : nothing}
      ${rows.length
        ? html`<ul class="entries">
            ${slice.items.map(
              ({ kind, entry }) => html`<li data-kind=${kind}>
                <span class="kind">${t.diffKinds[kind]}</span> <bdi>${entry.label}</bdi>
                ${entry.fields.length ? html`<span class="muted">— <bdi>${entry.fields.map((f) => (Object.hasOwn(names, f) ? names[f] : f)).join(', ')}</bdi></span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      <backup-inspector-pager
        label=${t.diffPagesOf(t.diffTitles[name])}
        .page=${slice.page}
        .pageCount=${slice.pageCount}
        @page-change=${(e: CustomEvent<{ page: number }>) => (this.pages = { ...this.pages, [name]: e.detail.page })}
      ></backup-inspector-pager>
    </section>`;
  }

  override render() {
    const diff = this.diff;
    if (!diff) return nothing;
    const { l } = this.l10n;
    const t = l.t.inspector;
    const labels = t.fields as Record<string, string>;
    return html`<div part="base">
      <p class="muted">${t.diffLegend}</p>
      ${diff.identical ? html`<p><strong>${t.identical}</strong></p>` : nothing}
      ${diff.manifest.length
        ? html`<table>
            <caption>${t.detailsDiffer}</caption>
            <thead><tr><th scope="col">${t.field}</th><th scope="col">${t.thisBackup}</th><th scope="col">${t.otherBackup}</th></tr></thead>
            <tbody>
              ${diff.manifest.map(
                (m) => html`<tr>
                  <th scope="row">${labels[m.field] ?? m.field}</th>
                  <td>${this.renderManifestValue(l, m, 'before')}</td>
                  <td>${this.renderManifestValue(l, m, 'after')}</td>
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
