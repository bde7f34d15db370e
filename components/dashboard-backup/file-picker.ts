/** The Import tab's first step: a file input shown as a Browse button inside a drop zone, and the password. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert, renderNotice } from '../shared/notices.js';
import { renderSecretField } from '../shared/secret-field.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';

/** What {@link renderFilePicker} shows and calls. */
export interface FilePickerView {
  l: Localizer;
  file: File | undefined;
  /** A file is being dragged over the Import tab: the zone shows where it goes. */
  dragging: boolean;
  error: string;
  onFile: (file: File | undefined) => void;
}

/** The file types the picker offers. */
export const BACKUP_FILE_ACCEPT = '.dashboard-backup';

/**
 * Renders the drop zone. The input stays in the tab order (visually hidden, its label styled as a button) so the
 * keyboard and screen readers reach a real file input. Drops are taken by the whole panel (drop-target.ts), not
 * by the zone alone.
 */
export function renderFilePicker(v: FilePickerView): TemplateResult {
  const { t } = v.l;
  return html`<div class="dropzone ${v.dragging ? 'dragging' : ''}" part="dropzone">
    <p>${t.dropHere}</p>
    <input
      id="file"
      class="visually-hidden"
      type="file"
      accept=${BACKUP_FILE_ACCEPT}
      aria-describedby=${v.error ? 'file-name file-error' : 'file-name'}
      aria-invalid=${v.error ? 'true' : 'false'}
      @change=${(e: Event) => v.onFile((e.target as HTMLInputElement).files?.[0])}
    />
    <label for="file" class="button" part="button">${t.browse}</label>
    <p id="file-name" class="file-name">${v.file ? bdi(v.file.name) : html`<span class="muted">${t.noFile}</span>`}</p>
    ${v.error ? html`<p id="file-error" class="field-error">${v.error}</p>` : nothing}
  </div>`;
}

/** What {@link renderImportForm} shows and calls. */
export interface ImportFormView {
  unitName: string;
  notice: string;
  error: DescribedError | undefined;
  passwordError: string;
  /** What the password field holds. */
  password: string;
  picker: FilePickerView;
  onPasswordInput: (value: string) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** The form of the Import tab's first step: file, password, Validate. */
export function renderImportForm(v: ImportFormView): TemplateResult {
  const { t } = v.picker.l;
  return html`
    <h3 tabindex="-1" part="heading">${t.importHeading(bdi(v.unitName))}</h3>
    <p>${t.importIntro(html`<code>.dashboard-backup</code>`)}</p>
    ${renderNotice(v.notice)} ${renderAlert(v.error)}
    <form novalidate @submit=${v.onSubmit}>
      ${renderFilePicker(v.picker)}
      ${renderSecretField({
        id: 'password',
        label: t.secretLabel,
        t,
        error: v.passwordError,
        value: v.password,
        onInput: v.onPasswordInput,
      })}
      <div class="actions">
        <button class="button primary" part="button primary-button" type="submit">${t.validate}</button>
      </div>
    </form>
  `;
}
