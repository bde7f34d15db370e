import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { describeKeySlots, rekeyBackup, type KeySlotSummary, type RekeyChanges } from '../../src/format/index.js';
import { openerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import type { BackupRecoveryKey } from '../shared/backup-recovery-key.js';
import { describeRecoveryKeyCheck, validateSecret } from '../shared/secret-field.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi } from '../shared/text.js';
import { downloadBlobOnce } from '../shared/download.js';
import { sayOpenError } from './inspector-text.js';
import '../shared/backup-recovery-key.js';

/** Shortest new password accepted (the same minimum as the export). */
const MIN_PASSWORD_LENGTH = 4;

/** Detail of `inspector-rekey`: what the new file is and what opens it. Never a password or a key. */
export interface InspectorRekeyDetail {
  filename: string;
  bytes: number;
  password: boolean;
  recoveryKey: boolean;
}

type RecoveryChoice = 'keep' | 'add' | 'remove';

/**
 * @summary Re-keys the open backup file offline: changes its password, adds, replaces or removes its recovery key,
 * and upgrades a version-1 file to version 2. Each re-keying starts from the file that was opened. Only the header is rewritten (the encrypted content is copied as it
 * is) and nothing is sent anywhere; the new file is downloaded. Part of `<backup-inspector>`.
 *
 * @fires inspector-rekey - `{ filename, bytes, password, recoveryKey }` once the re-keyed file was handed to the
 *   browser. Bubbles and is composed. Carries no secret.
 * @csspart rekey - The form.
 */
@customElement('backup-inspector-rekey')
export class BackupInspectorRekey extends LitElement {
  static override styles = [
    inspectorTokens,
    openerStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.3rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
      .choice label {
        font-weight: normal;
      }
      .hint {
        margin: 0;
      }
      .error {
        color: var(--_danger);
      }
    `,
  ];

  /** The encrypted backup file to re-key (as chosen in the inspector). */
  @property({ attribute: false }) file?: Blob;
  /** Name of the file to save (default: the chosen file's name). */
  @property() filename = '';
  /** Id and name of the backup's unit, for a new recovery key's emergency kit. */
  @property() unit = '';
  @property({ attribute: 'unit-name' }) unitName = '';

  @state() private slots?: KeySlotSummary;
  @state() private recovery: RecoveryChoice = 'keep';
  @state() private busy = false;
  @state() private error = '';
  /** The file just saved and what opens it (said in the current language at each render). */
  @state() private done: { filename: string; opens: 'both' | 'recoveryKey' | 'password' } | undefined;
  /** Says when the current secret is recognised as a recovery key, or has a typo in a group. */
  @state() private currentHint = '';

  private readonly l10n = new LocaleController(this);

  @query('#rekey-current') private currentInput?: HTMLInputElement;
  @query('#rekey-password') private passwordInput?: HTMLInputElement;
  @query('#rekey-confirm') private confirmInput?: HTMLInputElement;
  @query('backup-recovery-key') private recoveryKeyElement?: BackupRecoveryKey;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('file')) {
      this.slots = undefined;
      this.done = undefined;
      this.error = '';
      if (this.file) {
        const file = this.file;
        describeKeySlots(file).then(
          (slots) => this.file === file && (this.slots = slots),
          () => undefined, // the inspector already said what is wrong with the file
        );
      }
    }
  }

  private handleCurrentInput(e: Event): void {
    this.currentHint = describeRecoveryKeyCheck((e.target as HTMLInputElement).value, undefined, this.l10n.l.t);
  }

  private fail(message: string, input?: HTMLInputElement): void {
    this.error = message;
    input?.focus();
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.file || this.busy) return;
    const { l } = this.l10n;
    const t = l.t.inspector;
    this.error = '';
    this.done = undefined;
    const current = this.currentInput?.value ?? '';
    const password = this.passwordInput?.value ?? '';
    const confirmation = this.confirmInput?.value ?? '';
    const currentError = validateSecret(current, t.enterCurrent, l.t);
    if (currentError) return this.fail(currentError, this.currentInput);
    if (password && password.length < MIN_PASSWORD_LENGTH) {
      return this.fail(t.newTooShort(l.number(MIN_PASSWORD_LENGTH)), this.passwordInput);
    }
    if (password !== confirmation) return this.fail(t.newDiffer, this.confirmInput);
    const changes: RekeyChanges = {};
    if (password) changes.password = password;
    if (this.recovery === 'remove') changes.recoveryKey = null;
    if (this.recovery === 'add') {
      const key = this.recoveryKeyElement?.value;
      if (!key) {
        return this.fail(t.kitFirst);
      }
      changes.recoveryKey = key;
    }
    if (!password && this.recovery === 'keep' && this.slots?.version !== 1) {
      return this.fail(t.chooseChange, this.passwordInput);
    }
    this.busy = true;
    try {
      const blob = await rekeyBackup(this.file, current, changes);
      const filename = this.filename || (this.file instanceof File ? this.file.name : 'backup.dashboard-backup');
      const summary = await describeKeySlots(blob);
      downloadBlobOnce(blob, filename);
      for (const input of [this.currentInput, this.passwordInput, this.confirmInput]) if (input) input.value = '';
      this.recovery = 'keep';
      this.currentHint = '';
      this.done = { filename, opens: summary.password && summary.recoveryKey ? 'both' : summary.recoveryKey ? 'recoveryKey' : 'password' };
      const detail: InspectorRekeyDetail = { filename, bytes: blob.size, password: summary.password, recoveryKey: summary.recoveryKey };
      this.dispatchEvent(new CustomEvent('inspector-rekey', { detail, bubbles: true, composed: true }));
    } catch (error) {
      const { code, message } = sayOpenError(l, error);
      this.fail(message, code === 'INVALID_OPTIONS' ? undefined : this.currentInput);
    } finally {
      this.busy = false;
    }
  }

  private renderRecoveryChoice() {
    const t = this.l10n.l.t.inspector;
    const has = this.slots?.recoveryKey;
    const option = (value: RecoveryChoice, label: string) =>
      html`<label
        ><input type="radio" name="recovery" .checked=${this.recovery === value} @change=${() => (this.recovery = value)} />
        ${label}</label
      >`;
    return html`<fieldset class="choice">
      <legend>${t.recoveryKey}</legend>
      <p class="muted hint">${has ? t.hasKey : t.hasNoKey}</p>
      ${option('keep', has ? t.keepKey : t.leaveWithout)}
      ${option('add', has ? t.replaceKey : t.addKey)} ${has ? option('remove', t.removeKey) : nothing}
    </fieldset>`;
  }

  override render() {
    const t = this.l10n.l.t.inspector;
    return html`<details>
      <summary>${t.rekeySummary}</summary>
      <form part="rekey" @submit=${this.handleSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        <p class="muted">${t.rekeyIntro}${this.slots?.version === 1 ? ` ${t.rekeyV1}` : ''}</p>
        <label for="rekey-current">${t.currentSecret}</label>
        <input id="rekey-current" type="password" autocomplete="off" aria-describedby="rekey-current-hint" @input=${this.handleCurrentInput} />
        <p id="rekey-current-hint" class="muted hint">${this.currentHint}</p>
        <label for="rekey-password">${t.newPassword}</label>
        <input id="rekey-password" type="password" autocomplete="new-password" />
        <label for="rekey-confirm">${t.confirmNewPassword}</label>
        <input id="rekey-confirm" type="password" autocomplete="new-password" />
        ${this.renderRecoveryChoice()}
        ${this.recovery === 'add' ? html`<backup-recovery-key unit=${this.unit} unit-name=${this.unitName}></backup-recovery-key>` : nothing}
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t.saveRekeyed}</button></div>
        <p class="error" role="alert">${this.error}</p>
        <p role="status">${this.done ? t.rekeyed(bdi(this.done.filename), this.done.opens) : ''}</p>
      </form>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-rekey': BackupInspectorRekey;
  }
}
