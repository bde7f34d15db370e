import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { diffBackups, type BackupDiff } from '../../src/inspect/diff.js';
import { createBackupJsonBlob, suggestJsonFilename } from '../../src/inspect/export-json.js';
import { openInspectedBackup, type IndexedBackup, type InspectedBackup } from '../../src/inspect/open.js';
import { buildSearchIndex } from '../../src/inspect/search.js';
import type { EntityProgress } from '../../src/payload.js';
import type { Counts } from '../../src/schemas.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi } from '../shared/text.js';
import { downloadBlobOnce } from '../shared/download.js';
import { renderManifest, renderSaveWarning } from './backup-inspector-manifest.js';
import { sayOpenError } from './inspector-text.js';
import { dispatchInspectorEvent } from './backup-inspector-events.js';
// The events' detail types and the GlobalEventHandlersEventMap entries, for embedders' type-checking.
export type {
  BackupInspectorEventMap,
  InspectorCompareDetail,
  InspectorErrorDetail,
  InspectorOpenDetail,
  InspectorSaveDetail,
} from './backup-inspector-events.js';
export type { InspectorRekeyDetail } from './backup-inspector-rekey.js';
// Languages: the same registry as <dashboard-backup>'s (README, "Language").
export { registerCatalog } from '../shared/l10n/localizer.js';
export type { Catalog, CatalogOverrides, Plural } from '../shared/l10n/catalog.js';
import type { BackupInspectorOpener, OpenerSubmitDetail } from './backup-inspector-opener.js';
import { inspectorStyles, inspectorTokens } from './backup-inspector.styles.js';
import './backup-inspector-diff.js';
import './backup-inspector-opener.js';
import './backup-inspector-rekey.js';
import './backup-inspector-subset.js';
import './backup-inspector-tree.js';

type Step = 'open' | 'compare';
/** What a running step is doing: both decrypt and validate; then `open` indexes, `compare` compares. */
export type InspectorPhase = 'decrypt' | 'validate' | 'index' | 'compare';


/** The work of one step, given its abort signal and the progress reporter. */
type StepWork<T> = (signal: AbortSignal, report: (phase: InspectorPhase, p: EntityProgress) => void) => Promise<T>;

export { MAX_ISSUES_SHOWN } from './backup-inspector-manifest.js';

/**
 * @summary Opens an encrypted Dashboard backup in the browser — no server, no network — with its password or its
 * recovery key, and shows what it holds: the manifest, counts, and a searchable tree of plugins, workspaces,
 * profiles and keys. Compares two backups, saves the decrypted content as JSON after a warning, and re-keys the
 * file (new password, recovery key added or removed) without touching its encrypted content.
 *
 * @fires {CustomEvent<InspectorOpenDetail>} inspector-open - A backup was decrypted and is shown. Detail:
 *   `{ manifest, counts, issues }` (`issues`: schema problems, 0 for a valid backup).
 * @fires {CustomEvent<InspectorCompareDetail>} inspector-compare - A second backup was compared with the first.
 *   Detail: `{ other, identical, differences, reordered }` (`reordered`: sections listed in another order).
 * @fires {CustomEvent<InspectorSaveDetail>} inspector-save - Cancelable. The user confirmed saving unencrypted JSON.
 *   Detail: `{ filename, bytes }`; `preventDefault()` stops the download.
 * @fires {CustomEvent<InspectorRekeyDetail>} inspector-rekey - The open file was re-keyed offline (new password,
 *   recovery key added, replaced or removed) and the new file handed to the browser. Detail:
 *   `{ filename, bytes, password, recoveryKey }` (what opens the new file; never a secret).
 * @fires {CustomEvent<InspectorErrorDetail>} inspector-error - Opening or comparing failed. Detail:
 *   `{ step, code, message }` (`message`: the sentence shown, in the element's language).
 *
 * @csspart base - The root wrapper.
 * @csspart manifest - The manifest and counts.
 * @csspart tree - The `<backup-inspector-tree>`.
 * @csspart rekey - The `<backup-inspector-rekey>` (change the password or the recovery key).
 * @csspart save-warning - The confirmation shown before saving JSON.
 * @csspart compare - The comparison section.
 *
 * @cssproperty --backup-inspector-background - Background colour.
 * @cssproperty --backup-inspector-color - Text colour.
 * @cssproperty --backup-inspector-muted-color - Secondary text colour.
 * @cssproperty --backup-inspector-border-color - Borders.
 * @cssproperty --backup-inspector-surface - Buttons and highlighted areas.
 * @cssproperty --backup-inspector-accent - Primary buttons and focus rings.
 * @cssproperty --backup-inspector-accent-contrast - Text on the accent colour.
 * @cssproperty --backup-inspector-danger - Errors and the unencrypted-save button.
 * @cssproperty --backup-inspector-warning-background - Background of warnings.
 * @cssproperty --backup-inspector-radius - Corner radius.
 * @cssproperty --backup-inspector-padding - Padding of the root.
 * @cssproperty --backup-inspector-font - Font family.
 * @cssproperty --backup-inspector-mono-font - Font of key-store values.
 */
@customElement('backup-inspector')
export class BackupInspector extends LitElement {
  static override styles = [inspectorTokens, inspectorStyles];

  /** The language of the element or the page (`lang`), followed live, like `<dashboard-backup>`. */
  private readonly l10n = new LocaleController(this);

  @state() private backup: IndexedBackup | undefined;
  @state() private other: InspectedBackup | undefined;
  @state() private diff: BackupDiff | undefined;
  @state() private busy: Step | undefined;
  @state() private phase: InspectorPhase = 'decrypt';
  @state() private progress = 0;
  @state() private errors: Record<Step, string> = { open: '', compare: '' };
  @state() private confirmingSave = false;
  /** The encrypted file shown, for re-keying it (the file only: no password is kept). */
  @state() private file: Blob | undefined;

  @query('backup-inspector-opener.open') private openOpener: BackupInspectorOpener | undefined;
  @query('backup-inspector-opener.compare') private compareOpener: BackupInspectorOpener | undefined;

  private abort: AbortController | undefined;

  /**
   * Decrypts and shows `file` (what the form does; exposed for embedders). Resolves once shown or failed.
   * Validation and the search index run in slices, so a large backup never freezes the page; the form shows which
   * phase is running.
   */
  async open(file: Blob, password: string): Promise<void> {
    const result = await this.runStep('open', async (signal, report) => {
      const opened = await openInspectedBackup(file, password, { signal, onProgress: (p) => report(p.phase, p) });
      const index = await buildSearchIndex(opened.payload, opened.extras, { signal, onProgress: (p) => report('index', p) });
      return { ...opened, index };
    });
    if (!result) return;
    this.backup = result;
    this.file = file;
    this.other = undefined;
    this.diff = undefined;
    this.confirmingSave = false;
    dispatchInspectorEvent(this, 'inspector-open', {
      manifest: result.manifest,
      counts: result.counts,
      issues: result.issues.length,
    });
  }

  /** Decrypts `file` and compares it with the open backup (in slices, like opening). */
  async compare(file: Blob, password: string): Promise<void> {
    const backup = this.backup;
    if (!backup) return;
    const result = await this.runStep('compare', async (signal, report) => {
      const other = await openInspectedBackup(file, password, { signal, onProgress: (p) => report(p.phase, p) });
      const diff = await diffBackups(backup.payload, other.payload, { signal, onProgress: (p) => report('compare', p) });
      return { other, diff };
    });
    // Closed meanwhile: the comparison is with a backup that is no longer shown.
    if (!result || this.backup !== backup) return;
    const { other, diff } = result;
    this.other = other;
    this.diff = diff;
    const differences = Object.fromEntries(
      Object.entries(diff.sections).map(([k, s]) => [k, s.added.length + s.removed.length + s.changed.length]),
    ) as Counts;
    const reordered = Object.entries(diff.sections).filter(([, s]) => s.order).map(([k]) => k as keyof Counts);
    dispatchInspectorEvent(this, 'inspector-compare', { other: other.manifest, identical: diff.identical, differences, reordered });
  }

  /** Forgets the open backups (and everything decrypted) and shows the file picker again. */
  close(): void {
    const running = this.abort;
    this.abort = undefined;
    running?.abort();
    this.busy = undefined;
    this.backup = undefined;
    this.file = undefined;
    this.other = undefined;
    this.diff = undefined;
    this.confirmingSave = false;
    this.errors = { open: '', compare: '' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /**
   * Runs one step with the form busy, cancellable and showing progress. Resolves undefined when it failed (the
   * error is shown and dispatched) or was superseded or closed meanwhile (nobody waits for it any more).
   */
  private async runStep<T>(step: Step, work: StepWork<T>): Promise<T | undefined> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.busy = step;
    this.phase = 'decrypt';
    this.progress = 0;
    this.errors = { ...this.errors, [step]: '' };
    const report = (phase: InspectorPhase, { done, total }: EntityProgress) => {
      if (this.abort !== abort) return;
      this.phase = phase;
      this.progress = total ? done / total : 0;
    };
    let result: T | undefined;
    let failure: unknown;
    try {
      result = await work(abort.signal, report);
    } catch (error) {
      failure = error ?? new Error('unknown failure');
    }
    if (this.abort !== abort) return undefined;
    this.abort = undefined;
    this.busy = undefined;
    if (!failure) return result;
    const { code, message } = sayOpenError(this.l10n.l, failure);
    this.errors = { ...this.errors, [step]: message };
    dispatchInspectorEvent(this, 'inspector-error', { step, code, message });
    // The form is enabled again once rendered; put the cursor back in the password field for the retry.
    await this.updateComplete;
    const opener = step === 'open' ? this.openOpener : this.compareOpener;
    await opener?.updateComplete;
    opener?.focusPassword();
    return undefined;
  }

  private handleSubmit(step: Step, e: CustomEvent<OpenerSubmitDetail>): void {
    const { file, password } = e.detail;
    void (step === 'open' ? this.open(file, password) : this.compare(file, password));
  }

  private handleSave(): void {
    const backup = this.backup;
    if (!backup) return;
    const blob = createBackupJsonBlob(backup.raw);
    const filename = suggestJsonFilename(backup.manifest);
    this.confirmingSave = false;
    if (!dispatchInspectorEvent(this, 'inspector-save', { filename, bytes: blob.size })) return;
    downloadBlobOnce(blob, filename);
  }

  private renderOpener(step: Step) {
    const t = this.l10n.l.t.inspector;
    return html`<backup-inspector-opener
      class=${step}
      submit-label=${step === 'open' ? t.openButton : t.compareButton}
      file-label=${step === 'open' ? t.fileLabel : t.otherFileLabel}
      password-label=${step === 'open' ? t.secretLabel : t.otherSecretLabel}
      ?busy=${this.busy === step}
      .progress=${this.busy === step ? this.progress : 0}
      .status=${t.phases[this.busy === step ? this.phase : 'decrypt']}
      .error=${this.errors[step]}
      @opener-submit=${(e: CustomEvent<OpenerSubmitDetail>) => this.handleSubmit(step, e)}
      @opener-cancel=${() => this.abort?.abort()}
    ></backup-inspector-opener>`;
  }

  override updated(changed: Map<string, unknown>): void {
    // Focus moves into the confirmation so keyboard and screen-reader users meet the warning first.
    if (changed.has('confirmingSave') && this.confirmingSave) {
      this.renderRoot.querySelector<HTMLButtonElement>('[part=save-warning] button:not(.danger)')?.focus();
    }
  }

  override render() {
    const b = this.backup;
    const { l } = this.l10n;
    const t = l.t.inspector;
    return html`<div part="base" class="base">
      ${b
        ? html`${renderManifest(l, b)}
            <div class="actions">
              <button type="button" @click=${() => (this.confirmingSave = true)} ?disabled=${this.confirmingSave}>
                ${t.saveAsJson}
              </button>
              <button type="button" @click=${this.close}>${t.closeBackup}</button>
            </div>
            ${this.confirmingSave ? renderSaveWarning(l, () => this.handleSave(), () => (this.confirmingSave = false)) : nothing}
            <backup-inspector-rekey
              part="rekey"
              .file=${this.file}
              unit=${b.manifest.unit.id}
              unit-name=${b.manifest.unit.name}
            ></backup-inspector-rekey>
            <backup-inspector-tree part="tree" .backup=${b}></backup-inspector-tree>
            <backup-inspector-subset part="subset" .payload=${b.payload}></backup-inspector-subset>
            <section part="compare" class="compare" aria-labelledby="compare-heading">
              <h2 id="compare-heading">${t.compareHeading}</h2>
              ${this.renderOpener('compare')}
              ${this.other && this.diff
                ? html`<h3>${t.comparedHeading(l.date(b.manifest.createdAt), bdi(this.other.manifest.unit.name), l.date(this.other.manifest.createdAt))}</h3>
                    <backup-inspector-diff .diff=${this.diff}></backup-inspector-diff>`
                : nothing}
            </section>`
        : html`<h2>${t.openHeading}</h2>
            <p class="muted">${t.offline}</p>
            ${this.renderOpener('open')}`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector': BackupInspector;
  }
}
