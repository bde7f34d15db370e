/**
 * The Import tab's first step as a controller of `<backup-import-panel>`: the file (chosen or dropped anywhere on
 * the tab), what the password field holds, their errors, and the form (file-picker.ts). The panel owns the steps
 * after it (validate, preview, import).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DescribedError } from '../shared/messages.js';
import { validateSecret } from '../shared/secret-field.js';
import { listenForFileDrops } from './drop-target.js';
import { renderImportForm } from './file-picker.js';

/** What the form needs of the panel. */
export interface ImportFormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The select step's state and form. */
export class ImportForm implements ReactiveController {
  file?: File;
  private dragging = false;
  private fileError = '';
  private passwordError = '';
  /** What the password field holds, kept across the steps until the import completes (see password-field.ts). */
  private typed = '';
  private stopDrops = () => {};

  /**
   * @param accepting whether a dropped file is taken now (the select step is shown).
   * @param onChosen called when a file is chosen or dropped (the panel clears its error).
   */
  constructor(
    private readonly host: ImportFormHost,
    private readonly l: () => Localizer,
    private readonly accepting: () => boolean,
    private readonly onChosen: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopDrops = listenForFileDrops(this.host, {
      accepting: this.accepting,
      onDragging: (over) => this.update(() => (this.dragging = over)),
      onFile: (file) => this.choose(file),
    });
  }

  hostDisconnected(): void {
    this.stopDrops();
    this.forgetPassword();
  }

  private update(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }

  private choose(file: File | undefined): void {
    this.update(() => {
      this.file = file;
      this.fileError = '';
    });
    this.onChosen();
  }

  /** The password field starts empty again (after the import, or a wrong password). */
  forgetPassword(): void {
    this.typed = '';
  }

  /**
   * Checks the file and `password` before anything is decrypted (a mistyped recovery key is caught by its check
   * characters). When one is wrong, its error shows and the focus goes to the first field to fix.
   * @returns true when both are there and well-formed; at once, so that the next step shows in the same update.
   */
  check(password: string): boolean {
    const { t } = this.l();
    this.update(() => {
      this.fileError = this.file ? '' : t.chooseFileFirst;
      this.passwordError = validateSecret(password, t.enterSecret, t);
    });
    if (!this.fileError && !this.passwordError) return true;
    // As in the export form: focus goes to the first field to fix; its error is part of its description.
    const field = this.fileError ? '#file' : '#password';
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(field)?.focus());
    return false;
  }

  /** The form, with the panel's notice or error above it. */
  render(v: { unitName: string; notice: string; error: DescribedError | undefined; onSubmit: (event: SubmitEvent) => void }) {
    return renderImportForm({
      ...v,
      passwordError: this.passwordError,
      password: this.typed,
      picker: { l: this.l(), file: this.file, dragging: this.dragging, error: this.fileError, onFile: (file) => this.choose(file) },
      onPasswordInput: (value) =>
        this.update(() => {
          this.typed = value;
          this.passwordError = '';
        }),
    });
  }
}
