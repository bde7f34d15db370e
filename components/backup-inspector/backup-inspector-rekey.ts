import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { describeKeySlots, rekeyBackup, type KeySlotSummary, type RekeyChanges } from '../../src/format/index.js';
import { describeOpenError } from '../../src/inspect/messages.js';
import { openerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import type { BackupRecoveryKey } from '../shared/backup-recovery-key.js';
import { describeRecoveryKeyCheck, validateSecret } from '../shared/secret-field.js';
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
  @state() private done = '';
  /** Says when the current secret is recognised as a recovery key, or has a typo in a group. */
  @state() private currentHint = '';

  @query('#rekey-current') private currentInput?: HTMLInputElement;
  @query('#rekey-password') private passwordInput?: HTMLInputElement;
  @query('#rekey-confirm') private confirmInput?: HTMLInputElement;
  @query('backup-recovery-key') private recoveryKeyElement?: BackupRecoveryKey;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('file')) {
      this.slots = undefined;
      this.done = '';
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
    this.currentHint = describeRecoveryKeyCheck((e.target as HTMLInputElement).value);
  }

  private fail(message: string, input?: HTMLInputElement): void {
    this.error = message;
    input?.focus();
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.file || this.busy) return;
    this.error = '';
    this.done = '';
    const current = this.currentInput?.value ?? '';
    const password = this.passwordInput?.value ?? '';
    const confirmation = this.confirmInput?.value ?? '';
    const currentError = validateSecret(current, 'Enter the current password or the recovery key of this backup.');
    if (currentError) return this.fail(currentError, this.currentInput);
    if (password && password.length < MIN_PASSWORD_LENGTH) {
      return this.fail(`The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, this.passwordInput);
    }
    if (password !== confirmation) return this.fail('The two new passwords are not the same.', this.confirmInput);
    const changes: RekeyChanges = {};
    if (password) changes.password = password;
    if (this.recovery === 'remove') changes.recoveryKey = null;
    if (this.recovery === 'add') {
      const key = this.recoveryKeyElement?.value;
      if (!key) {
        return this.fail('Print or save the new recovery key and tick the box first (or enter the key you already have).');
      }
      changes.recoveryKey = key;
    }
    if (!password && this.recovery === 'keep' && this.slots?.version !== 1) {
      return this.fail('Choose a new password or a change to the recovery key first.', this.passwordInput);
    }
    this.busy = true;
    try {
      const blob = await rekeyBackup(this.file, current, changes);
      const filename = this.filename || (this.file instanceof File ? this.file.name : 'backup.dashboard-backup');
      const summary = await describeKeySlots(blob);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      for (const input of [this.currentInput, this.passwordInput, this.confirmInput]) if (input) input.value = '';
      this.recovery = 'keep';
      this.currentHint = '';
      this.done = `Saved ${filename}: it opens with ${describeSecrets(summary)}. The encrypted content is unchanged.`;
      const detail: InspectorRekeyDetail = { filename, bytes: blob.size, password: summary.password, recoveryKey: summary.recoveryKey };
      this.dispatchEvent(new CustomEvent('inspector-rekey', { detail, bubbles: true, composed: true }));
    } catch (error) {
      const { code, message } = describeOpenError(error);
      this.fail(message, code === 'INVALID_OPTIONS' ? undefined : this.currentInput);
    } finally {
      this.busy = false;
    }
  }

  private renderRecoveryChoice() {
    const has = this.slots?.recoveryKey;
    const option = (value: RecoveryChoice, label: string) =>
      html`<label
        ><input type="radio" name="recovery" .checked=${this.recovery === value} @change=${() => (this.recovery = value)} />
        ${label}</label
      >`;
    return html`<fieldset class="choice">
      <legend>Recovery key</legend>
      <p class="muted hint">${has ? 'This backup has a recovery key.' : 'This backup has no recovery key.'}</p>
      ${option('keep', has ? 'Keep it' : 'Leave it without one')}
      ${option('add', has ? 'Replace it with a new one' : 'Add one')} ${has ? option('remove', 'Remove it') : nothing}
    </fieldset>`;
  }

  override render() {
    return html`<details>
      <summary>Change the password or the recovery key</summary>
      <form part="rekey" @submit=${this.handleSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
        <p class="muted">
          Writes a copy of this file that opens with the new password or recovery key. Only its header changes; the
          encrypted content is copied as it is. Nothing is sent anywhere.${this.slots?.version === 1
            ? ' This file is in the older format 1: the copy will be in format 2.'
            : ''}
        </p>
        <label for="rekey-current">Current password or recovery key</label>
        <input id="rekey-current" type="password" autocomplete="off" aria-describedby="rekey-current-hint" @input=${this.handleCurrentInput} />
        <p id="rekey-current-hint" class="muted hint">${this.currentHint}</p>
        <label for="rekey-password">New password (leave empty to keep the password)</label>
        <input id="rekey-password" type="password" autocomplete="new-password" />
        <label for="rekey-confirm">Confirm the new password</label>
        <input id="rekey-confirm" type="password" autocomplete="new-password" />
        ${this.renderRecoveryChoice()}
        ${this.recovery === 'add' ? html`<backup-recovery-key unit=${this.unit} unit-name=${this.unitName}></backup-recovery-key>` : nothing}
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>Save the re-keyed file</button></div>
        <p class="error" role="alert">${this.error}</p>
        <p role="status">${this.done}</p>
      </form>
    </details>`;
  }
}

function describeSecrets(s: KeySlotSummary): string {
  if (s.password && s.recoveryKey) return 'its password or its recovery key';
  return s.recoveryKey ? 'its recovery key only' : 'its password only';
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-rekey': BackupInspectorRekey;
  }
}
