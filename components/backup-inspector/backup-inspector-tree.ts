import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IndexedBackup } from '../../src/inspect/open.js';
import {
  SECTION_NAMES,
  filterIndex,
  mapWorkspaceNames,
  parseQuery,
  slicePage,
  type SectionName,
} from '../../src/inspect/search.js';
import { canonicalJson } from '../../src/json.js';
import type { KeyEntry } from '../../src/schemas.js';
import {
  clipText,
  renderExtras,
  renderPluginBody,
  renderProfileBody,
  renderWorkspaceBody,
} from './backup-inspector-entities.js';
import { treeStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { LocaleController } from '../shared/l10n/controller.js';
import './backup-inspector-pager.js';

/** Delay between the last keystroke and filtering, so typing stays smooth on large backups. */
export const SEARCH_DEBOUNCE_MS = 150;
/** What a masked secret shows: fixed, so the mask does not leak the value's length. */
export const SECRET_MASK = '••••••••';

/**
 * @summary The browsable, searchable tree of one backup: plugins, workspaces, profiles and keys, 50 rows a page.
 *
 * Entity details render only when a row is expanded, and secret key-store values only when revealed (one by one),
 * so neither a large backup nor a secret reaches the DOM before the user asks for it.
 *
 * @csspart base - The wrapper of the search box and the sections.
 * @csspart search - The search input.
 */
@customElement('backup-inspector-tree')
export class BackupInspectorTree extends LitElement {
  static override styles = [inspectorTokens, treeStyles];

  /**
   * The opened backup to show, with its search index: the inspector builds the index while it opens the file, in
   * slices (buildSearchIndex), rather than this element building it in one long task when the backup arrives.
   */
  @property({ attribute: false }) backup: IndexedBackup | undefined;

  @state() private query = '';
  @state() private pages: Record<SectionName, number> = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };
  /** Expanded rows, as `section:index` (index into the payload's array). */
  @state() private expanded = new Set<string>();
  /** Indices of the secret keys whose value is shown. */
  @state() private revealed = new Set<number>();

  private readonly l10n = new LocaleController(this);
  private workspaceNames = new Map<string, string>();
  private hits: Record<SectionName, number[]> = { plugins: [], workspaces: [], profiles: [], keys: [] };
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the search query at once (the input debounces; embedders and tests need not wait). */
  search(query: string): void {
    clearTimeout(this.searchTimer);
    this.query = query;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (input && input.value !== query) input.value = query;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('backup')) {
      this.workspaceNames = this.backup ? mapWorkspaceNames(this.backup.payload) : new Map();
      this.expanded = new Set();
      this.revealed = new Set();
    }
    if (changed.has('backup') || changed.has('query')) {
      const terms = parseQuery(this.query);
      const index = this.backup?.index;
      for (const name of SECTION_NAMES) this.hits[name] = index ? filterIndex(index[name], terms) : [];
      this.pages = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };
    }
  }

  private handleInput(e: InputEvent): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value), SEARCH_DEBOUNCE_MS);
  }

  private handleToggle(key: string, e: Event): void {
    const open = (e.target as HTMLDetailsElement).open;
    if (open === this.expanded.has(key)) return;
    const next = new Set(this.expanded);
    if (open) next.add(key);
    else next.delete(key);
    this.expanded = next;
  }

  private handleReveal(index: number): void {
    const next = new Set(this.revealed);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    this.revealed = next;
  }

  private renderExpandable(key: string, summary: TemplateResult, body: () => TemplateResult): TemplateResult {
    const open = this.expanded.has(key);
    const [section, index] = key.split(':') as [SectionName, string];
    const extra = this.backup!.extras[section][Number(index)];
    return html`<li>
      <details ?open=${open} @toggle=${(e: Event) => this.handleToggle(key, e)}>
        <summary>${summary}</summary>
        ${open ? html`<div class="body">${body()}${renderExtras(this.l10n.l, extra)}</div>` : nothing}
      </details>
    </li>`;
  }

  private renderRow(section: SectionName, i: number): TemplateResult {
    const unit = this.backup!.payload.unit;
    const key = `${section}:${i}`;
    const { l } = this.l10n;
    switch (section) {
      case 'plugins': {
        const p = unit.plugins[i]!;
        return this.renderExpandable(key, html`<bdi>${p.name}</bdi><span class="meta"><bdi>${p.bundle}</bdi> ${p.version}</span>`, () =>
          renderPluginBody(l, p),
        );
      }
      case 'workspaces': {
        const w = unit.workspaces[i]!;
        const apps = l.count(w.applications.length, l.t.inspector.applications);
        return this.renderExpandable(key, html`<bdi>${w.name}</bdi><span class="meta">${l.t.inspector.ownerAndApps(html`<bdi>${w.owner}</bdi>`, apps)}</span>`, () =>
          renderWorkspaceBody(l, w),
        );
      }
      case 'profiles': {
        const p = unit.profiles[i]!;
        return this.renderExpandable(key, html`<bdi>${p.name}</bdi><span class="meta"><bdi>${p.roles.join(', ')}</bdi></span>`, () =>
          renderProfileBody(l, p, this.workspaceNames),
        );
      }
      case 'keys':
        return this.renderKey(unit.keys[i]!, i);
    }
  }

  /** A key's other fields (src/fields.ts) as compact JSON; only their names while the key's value is hidden. */
  private renderKeyExtras(i: number, shown: boolean): TemplateResult | typeof nothing {
    const extra = this.backup!.extras.keys[i];
    if (!extra) return nothing;
    const { l } = this.l10n;
    const text = shown ? clipText(l, canonicalJson(extra)) : l.t.inspector.hiddenFields(Object.keys(extra).join(', '));
    return html`<span class="key-other muted">${l.t.inspector.otherFieldsOf(text)}</span>`;
  }

  private renderKey(k: KeyEntry, i: number): TemplateResult {
    const shown = !k.secret || this.revealed.has(i);
    const { l } = this.l10n;
    const t = l.t.inspector;
    return html`<li class="key-row">
      <bdi class="key-name">${k.key}</bdi>
      ${k.secret ? html`<span class="badge">${t.secret}</span>` : nothing}
      <span class="key-value"><bdi>${shown ? clipText(l, k.value) : html`${SECRET_MASK} <span class="muted">${t.hidden}</span>`}</bdi></span>
      ${this.renderKeyExtras(i, shown)}
      ${k.secret
        ? html`<button type="button" aria-label=${shown ? t.hideName(k.key) : t.revealName(k.key)} @click=${() => this.handleReveal(i)}>
            ${shown ? t.hide : t.reveal}
          </button>`
        : nothing}
    </li>`;
  }

  private renderSection(section: SectionName): TemplateResult {
    const all = this.backup!.counts[section];
    const slice = slicePage(this.hits[section], this.pages[section]);
    const { l } = this.l10n;
    const t = l.t.inspector;
    const title = t.sectionTitles[section];
    const headingId = `section-${section}`;
    const filtered = this.query.trim() !== '';
    const range = t.showing(l.number(slice.start + 1), l.number(slice.start + slice.items.length), l.number(slice.total));
    return html`<section aria-labelledby=${headingId} data-section=${section}>
      <h3 id=${headingId}>${title} <span class="meta">(${filtered ? t.matching(l.number(slice.total), l.number(all)) : l.number(all)})</span></h3>
      ${slice.total
        ? html`<p class="muted">${range}</p>
            <ul class="rows">
              ${slice.items.map((i) => this.renderRow(section, i))}
            </ul>`
        : html`<p class="muted">${filtered ? t.nothingMatches : t.empty}</p>`}
      <backup-inspector-pager
        label=${t.pagesOf(title)}
        .page=${slice.page}
        .pageCount=${slice.pageCount}
        @page-change=${(e: CustomEvent<{ page: number }>) => (this.pages = { ...this.pages, [section]: e.detail.page })}
      ></backup-inspector-pager>
    </section>`;
  }

  override render() {
    if (!this.backup) return nothing;
    const t = this.l10n.l.t.inspector;
    return html`<div part="base">
      <div class="search" role="search">
        <label for="search">${t.searchLabel}</label>
        <input id="search" part="search" type="search" autocomplete="off" .value=${this.query} @input=${this.handleInput} />
        <span class="muted">${t.secretsNotSearched}</span>
      </div>
      ${SECTION_NAMES.map((s) => this.renderSection(s))}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-tree': BackupInspectorTree;
  }
}
