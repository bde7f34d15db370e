import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pagerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { LocaleController } from '../shared/l10n/controller.js';

/**
 * @summary Previous/next pagination for the inspector's long lists.
 *
 * @fires page-change - `{ page }` (0-based) when the user picks another page. Does not bubble.
 * @csspart base - The `<nav>` element.
 */
@customElement('backup-inspector-pager')
export class BackupInspectorPager extends LitElement {
  static override styles = [inspectorTokens, pagerStyles];

  /** Current page, 0-based. */
  @property({ type: Number }) page = 0;
  /** Number of pages (at least 1). */
  @property({ type: Number, attribute: 'page-count' }) pageCount = 1;
  /** Accessible name of the navigation, e.g. "Plugins pages" (default: the catalog's "Pages"). */
  @property() label = '';

  private readonly l10n = new LocaleController(this);

  private handleGo(page: number): void {
    this.dispatchEvent(new CustomEvent('page-change', { detail: { page } }));
  }

  override render() {
    if (this.pageCount <= 1) return html``;
    const last = this.pageCount - 1;
    const { l } = this.l10n;
    const t = l.t.inspector;
    return html`<nav part="base" aria-label=${this.label || t.pages}>
      <button type="button" ?disabled=${this.page <= 0} @click=${() => this.handleGo(this.page - 1)}>${t.previous}</button>
      <span aria-live="polite">${t.pageOf(l.number(this.page + 1), l.number(this.pageCount))}</span>
      <button type="button" ?disabled=${this.page >= last} @click=${() => this.handleGo(this.page + 1)}>${t.next}</button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-pager': BackupInspectorPager;
  }
}
