/**
 * The Export / Import tab list of `<dashboard-backup>` (the ARIA tabs pattern, activated by click, arrow keys, Home
 * and End). While an operation runs, the other tab is locked: `aria-disabled`, still focusable and described by a
 * visible sentence saying when it opens again, so the running operation's view cannot be left.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BackupOperation } from '../shared/events.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { en } from '../shared/l10n/en.js';

/** The tabs, in order. */
export type Tab = 'export' | 'import';
export const TABS: readonly Tab[] = ['export', 'import'];

/** Why the other tab is locked, for each operation that locks it. */
export const TAB_LOCK_REASONS: Readonly<Record<BackupOperation, string>> = en.tabLockReasons;

/** What {@link renderTabList} shows and calls. */
export interface TabListView {
  l: Localizer;
  selected: Tab;
  /** The operation that runs, which locks the other tab; null when none does. */
  operation: BackupOperation | null;
  /** A tab was chosen; `focus` when by keyboard (focus follows the selection). */
  onSelect: (tab: Tab, focus: boolean) => void;
  /** The pointer entered, or focus reached, a tab: a chance to fetch its panel before the click. */
  onApproach?: (tab: Tab) => void;
}

/** Renders the tab list, and the sentence that explains a locked tab. */
export function renderTabList(v: TabListView): TemplateResult {
  const locked = (tab: Tab) => v.operation !== null && tab !== v.selected;
  const keydown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(v.selected);
    const next: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = TABS[(target + TABS.length) % TABS.length] as Tab;
    if (!locked(tab)) v.onSelect(tab, true);
  };
  const tab = (id: Tab) => html`<button
    id="tab-${id}"
    role="tab"
    part="tab"
    type="button"
    aria-selected=${v.selected === id ? 'true' : 'false'}
    aria-controls="panel-${id}"
    aria-disabled=${locked(id) ? 'true' : nothing}
    aria-describedby=${locked(id) ? 'tab-lock' : nothing}
    tabindex=${v.selected === id ? '0' : '-1'}
    @click=${() => locked(id) || v.onSelect(id, false)}
    @pointerenter=${() => v.onApproach?.(id)}
    @focus=${() => v.onApproach?.(id)}
  >
    ${v.l.t.tabs[id]}
  </button>`;
  return html`<div role="tablist" aria-label=${v.l.t.tabsLabel} part="tabs" @keydown=${keydown}>
      ${TABS.map(tab)}
    </div>
    ${v.operation ? html`<p id="tab-lock" class="hint tab-lock">${v.l.t.tabLockReasons[v.operation]}</p>` : nothing}`;
}
