import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { openerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { validateSecret } from '../shared/secret-field.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi } from '../shared/text.js';

/** Detail of the opener's `opener-submit` event (internal to the inspector: it does not bubble). */
export interface OpenerSubmitDetail {
  file: File;
  password: string;
}

let nextId = 0;

/**
 * @summary Picks a backup file (file input or drag and drop) and asks for its password or its recovery key.
 *
 * @fires opener-submit - `{ file, password }` when the form is submitted. Does not bubble or leave the shadow root.
 * @fires opener-cancel - When the user cancels a running open.
 * @csspart base - The `<form>`.
 */
@customElement('backup-inspector-opener')
export class BackupInspectorOpener extends LitElement {
  static override styles = [inspectorTokens, openerStyles];

  /** Text of the submit button (default: the catalog's "Open backup"). */
  @property({ attribute: 'submit-label' }) submitLabel = '';
  /** Label of the file input (default: the catalog's). */
  @property({ attribute: 'file-label' }) fileLabel = '';
  /** Label of the password input (default: the catalog's). */
  @property({ attribute: 'password-label' }) passwordLabel = '';
  /** True while the file is being decrypted: the form is disabled and progress shows. */
  @property({ type: Boolean }) busy = false;
  /** Progress of the running phase, 0..1, while busy. */
  @property({ type: Number }) progress = 0;
  /** What is running, shown next to the progress bar while busy (decrypting, checking, indexing, comparing). */
  @property() status = '';
  /** Message shown under the form (role="alert") when opening failed. */
  @property() error = '';

  @state() private file: File | undefined;
  @state() private dragging = false;
  @state() private hint = '';

  @query('input[type=password]') private passwordInput!: HTMLInputElement;

  private readonly ids = `opener-${nextId++}`;
  private readonly l10n = new LocaleController(this);

  /** Moves focus to the password field (after a wrong password). */
  focusPassword(): void {
    this.passwordInput?.focus();
  }

  private handleFileChange(e: Event): void {
    this.file = (e.target as HTMLInputElement).files?.[0];
    this.hint = '';
  }

  private handleDragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private handleDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) {
      this.file = file;
      this.hint = '';
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const password = this.passwordInput.value;
    if (this.busy) return;
    if (!this.file) {
      this.hint = this.l10n.l.t.chooseFileFirst;
      return;
    }
    // A recovery key with a typo is caught by its check characters, before anything is decrypted.
    const { t } = this.l10n.l;
    const invalid = validateSecret(password, t.inspector.enterSecret, t);
    if (invalid) {
      this.hint = invalid;
      return;
    }
    this.hint = '';
    // The password leaves the DOM at once; a retry means typing it again.
    this.passwordInput.value = '';
    const detail: OpenerSubmitDetail = { file: this.file, password };
    this.dispatchEvent(new CustomEvent('opener-submit', { detail }));
  }

  override render() {
    const id = this.ids;
    const { t } = this.l10n.l;
    return html`<form part="base" @submit=${this.handleSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
      <div
        class="drop ${this.dragging ? 'over' : ''}"
        @dragover=${this.handleDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.handleDrop}
      >
        <label for="${id}-file">${this.fileLabel || t.inspector.fileLabel}</label>
        <input id="${id}-file" type="file" accept=".dashboard-backup" ?disabled=${this.busy} @change=${this.handleFileChange} />
        <span class="muted" id="${id}-chosen">${this.file ? t.inspector.chosen(bdi(this.file.name)) : t.inspector.orDrop}</span>
      </div>
      <label for="${id}-password">${this.passwordLabel || t.inspector.secretLabel}</label>
      <input id="${id}-password" type="password" autocomplete="off" ?disabled=${this.busy} />
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel || t.inspector.openButton}</button>
        ${this.busy
          ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('opener-cancel'))}>${t.cancel}</button>`
          : nothing}
      </div>
      ${this.busy
        ? html`<div class="status">
            <progress aria-labelledby="${id}-status" max="1" .value=${this.progress}></progress>
            <span id="${id}-status" class="muted">${this.status || t.inspector.phases.decrypt}</span>
          </div>`
        : nothing}
      <p class="error" role="alert">${this.hint || this.error}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-opener': BackupInspectorOpener;
  }
}
