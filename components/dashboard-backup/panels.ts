/**
 * The panels of `<dashboard-backup>` (Export, Import, Resume) and how the element shows them: each is a chunk of
 * its own with the engines it needs, fetched when its step opens (or when the pointer or focus reaches the control
 * that opens it), with a busy line meanwhile and CHUNK_LOAD_FAILED if it cannot be fetched (components/shared/lazy.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardClient, UnfinishedImport } from '../shared/engine.js';
import type { BackupErrorDetail, BackupImportDoneDetail, BackupOperation, BackupStep } from '../shared/events.js';
import type { LazyParts } from '../shared/lazy.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DescribedError } from '../shared/messages.js';
import type { UnverifiedOutcome } from './backup-resume-panel.js';
import type { ReloadHook } from './reload.js';
import { renderTabList, type Tab } from './tabs.js';

/** Where each panel's chunk comes from (esbuild splits at each literal `import()`). */
export const PANELS = {
  export: () => import('./backup-export-panel.js'),
  import: () => import('./backup-import-panel.js'),
  resume: () => import('./backup-resume-panel.js'),
};

/** A panel of the element. */
export type Panel = keyof typeof PANELS;

/** The step a panel's failed chunk is reported under, in `backup-error`. */
export const PANEL_STEPS: Readonly<Record<Panel, BackupStep>> = { export: 'export', import: 'validate', resume: 'resume' };

/** Parts of the inner panels, re-exported so `::part()` reaches them from the page. */
const INNER_PARTS = 'heading, button, primary-button, input, label, notice, progress, progress-bar, dropzone, counts, plan, link';

/** What every panel gets from the element. */
export interface PanelContext {
  l: Localizer;
  parts: LazyParts<Panel>;
  client: DashboardClient;
  unit: string;
  unitName: string;
  reload: ReloadHook;
  reloadDelay: number;
  onOperation: (event: CustomEvent<BackupOperation | null>) => void;
}

/** What the Export / Import tabs show and call. */
export interface TabsView extends PanelContext {
  tab: Tab;
  /** The Import tab was opened once: its panel is fetched and rendered from then on (and keeps its state). */
  importOpened: boolean;
  operation: BackupOperation | null;
  onSelect: (tab: Tab, focus: boolean) => void;
  onImportDone: (event: CustomEvent<BackupImportDoneDetail>) => void;
  onImportError: (event: CustomEvent<BackupErrorDetail>) => void;
}

/** The tab list and both tab panels. */
export function renderTabs(v: TabsView): TemplateResult {
  return html`
    ${renderTabList({
      l: v.l,
      selected: v.tab,
      operation: v.operation,
      onSelect: v.onSelect,
      onApproach: (tab) => void v.parts.load(tab),
    })}
    <div id="panel-export" role="tabpanel" aria-labelledby="tab-export" ?hidden=${v.tab !== 'export'}>
      ${v.parts.render(
        'export',
        v.l,
        () => html`<backup-export-panel
          exportparts=${INNER_PARTS}
          @backup-operation=${v.onOperation}
          .client=${v.client}
          unit=${v.unit}
          unit-name=${v.unitName}
        ></backup-export-panel>`,
      )}
    </div>
    <div id="panel-import" role="tabpanel" aria-labelledby="tab-import" ?hidden=${v.tab !== 'import'} @backup-error=${v.onImportError}>
      ${v.importOpened ? v.parts.render('import', v.l, () => renderImportPanel(v)) : nothing}
    </div>
  `;
}

function renderImportPanel(v: TabsView): TemplateResult {
  return html`<backup-import-panel
    exportparts=${INNER_PARTS}
    @backup-operation=${v.onOperation}
    @backup-import-done=${v.onImportDone}
    .client=${v.client}
    .reload=${v.reload}
    reload-delay=${v.reloadDelay}
    unit=${v.unit}
    unit-name=${v.unitName}
  ></backup-import-panel>`;
}

/** What the resume panel shows and calls. */
export interface ResumeView extends PanelContext {
  cause: DescribedError | undefined;
  unfinished: UnfinishedImport | undefined;
  outcome: UnverifiedOutcome | undefined;
  onClosed: () => void;
  onRecheck: () => void;
}

/** The resume panel: an unfinished import, or an import whose read-back differed. */
export function renderResume(v: ResumeView): unknown {
  return v.parts.render(
    'resume',
    v.l,
    () => html`<backup-resume-panel
      exportparts=${INNER_PARTS}
      @backup-operation=${v.onOperation}
      .client=${v.client}
      .reload=${v.reload}
      .cause=${v.cause}
      .unfinished=${v.unfinished}
      .outcome=${v.outcome}
      reload-delay=${v.reloadDelay}
      unit=${v.unit}
      unit-name=${v.unitName}
      @backup-resume-closed=${v.onClosed}
      @backup-resume-recheck=${v.onRecheck}
    ></backup-resume-panel>`,
  );
}
