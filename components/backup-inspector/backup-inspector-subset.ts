import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createSubsetBackup, subsetUnit } from '../../src/backup/subset.js';
import type { Selection } from '../../src/backup/selection.js';
import type { BackupPayload } from '../../src/schemas.js';
import { backupFilename } from '../../src/backup/manifest.js';
import { openerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { downloadBlobOnce } from '../shared/download.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi, countsSentence } from '../shared/text.js';
import { sayOpenError } from './inspector-text.js';

/** Shortest password of the smaller backup (the export's minimum). */
const MIN_PASSWORD_LENGTH = 4;

/** Detail of `inspector-subset`: the file saved and what it holds. Never a password or a key. */
export interface InspectorSubsetDetail {
  filename: string;
  bytes: number;
  counts: { plugins: number; workspaces: number; profiles: number; keys: number };
}

type Section = 'plugins' | 'workspaces' | 'profiles' | 'keys';
/** Checkboxes listed per section at most (the filter narrows the rest down), so a large backup stays light. */
const SHOWN_PER_SECTION = 50;

const SECTIONS: readonly Section[] = ['plugins', 'workspaces', 'profiles', 'keys'];

/**
 * @summary Saves a selection of the open backup as a smaller backup file, offline: the chosen plugins,
 * workspaces, profiles and keys, plus what they refer to (a workspace's plugins, a plugin's providers, a profile's
 * workspaces), in the same format, encrypted with the password (and optional recovery key) given here. A full or
 * selective import then uses it. Nothing is sent anywhere. Part of `<backup-inspector>`.
 *
 * @fires inspector-subset - `{ filename, bytes, counts }` once the file was handed to the browser. Carries no secret.
 * @csspart subset - The form.
 */
@customElement('backup-inspector-subset')
export class BackupInspectorSubset extends LitElement {
  static override styles = [
    inspectorTokens,
    openerStyles,
    css`
      fieldset { border: 0; padding: 0; margin: 0 0 0.5rem; display: grid; gap: 0.2rem; }
      legend { font-weight: 600; padding: 0; }
      fieldset label { font-weight: normal; }
      .error { color: var(--_danger); }
    `,
  ];

  /** The opened backup's payload. */
  @property({ attribute: false }) payload?: BackupPayload;

  private readonly l10n = new LocaleController(this);
  @state() private chosen = new Set<string>();
  @state() private query = '';
  @state() private busy = false;
  @state() private error = '';
  /** The last file saved (said in the current language at each render). */
  @state() private done: { filename: string; counts: InspectorSubsetDetail['counts'] } | undefined;

  /** Every entity as `[section, label, natural key]`. */
  private get entries(): [Section, string, string][] {
    const u = this.payload?.unit;
    if (!u) return [];
    return [
      ...u.plugins.map((p): [Section, string, string] => ['plugins', p.bundle, p.bundle]),
      ...u.workspaces.map((w): [Section, string, string] => ['workspaces', `${w.name} (${w.owner})`, JSON.stringify([w.name, w.owner])]),
      ...u.profiles.map((p): [Section, string, string] => ['profiles', p.name, p.name]),
      ...u.keys.map((k): [Section, string, string] => ['keys', k.key, k.key]),
    ];
  }

  private get selection(): Selection {
    const of = (s: Section) => [...new Set(this.entries.filter(([x, , k]) => x === s && this.chosen.has(`${s}:${k}`)).map(([, , k]) => k))];
    return {
      plugins: of('plugins'),
      workspaces: of('workspaces').map((k) => { const [name, owner] = JSON.parse(k) as [string, string]; return { name, owner }; }),
      profiles: of('profiles'),
      keys: of('keys'),
    };
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
    this.done = undefined;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const payload = this.payload;
    if (!payload) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const password = value('subset-password');
    const { l } = this.l10n;
    this.error = '';
    this.done = undefined;
    if (this.chosen.size === 0) return void (this.error = l.t.inspector.chooseOne);
    if ([...password].length < MIN_PASSWORD_LENGTH) return void (this.error = l.t.errors.PASSWORD_TOO_SHORT);
    if (password !== value('subset-confirm')) return void (this.error = l.t.passwordsDiffer);
    const recoveryKey = value('subset-recovery').trim();
    this.busy = true;
    try {
      const blob = await createSubsetBackup(payload, this.selection, password, recoveryKey ? { recoveryKey } : {});
      const counts = (({ plugins, workspaces, profiles, keys }) => ({ plugins: plugins.length, workspaces: workspaces.length, profiles: profiles.length, keys: keys.length }))(subsetUnit(payload.unit, this.selection));
      const filename = backupFilename(payload.manifest.unit.name, new Date(payload.manifest.createdAt), 'selection');
      downloadBlobOnce(blob, filename);
      form.reset();
      this.done = { filename, counts };
      this.dispatchEvent(new CustomEvent<InspectorSubsetDetail>('inspector-subset', { detail: { filename, bytes: blob.size, counts }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = sayOpenError(l, error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.payload) return nothing;
    const { l } = this.l10n;
    const t = l.t.inspector;
    const q = this.query.trim().toLowerCase();
    return html`<section aria-labelledby="subset-heading">
      <h2 id="subset-heading">${t.subsetHeading}</h2>
      <p class="muted">${t.subsetIntro}</p>
      <form part="subset" @submit=${this.save}>
        <label for="subset-search">${t.filterLabel}</label>
        <input id="subset-search" type="search" autocomplete="off" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        ${SECTIONS.map((key) => {
          const matching = this.entries.filter(([s, l]) => s === key && (!q || l.toLowerCase().includes(q)));
          // A large backup has thousands of entities: list a page of them, like the tree, and let the filter find the rest.
          const items = matching.slice(0, SHOWN_PER_SECTION);
          return html`<fieldset data-section=${key}>
            <legend>${l.t.sections[key]}</legend>
            ${matching.length === 0 ? html`<span class="muted">${l.t.none}</span>` : nothing}
            ${matching.length > items.length
              ? html`<span class="muted">${t.showingSome(l.number(items.length), l.number(matching.length))}</span>`
              : nothing}
            ${items.map(([s, label, k]) => html`<label><input type="checkbox" .checked=${this.chosen.has(`${s}:${k}`)}
              @change=${(e: Event) => this.toggle(`${s}:${k}`, (e.target as HTMLInputElement).checked)} /> ${bdi(label)}</label>`)}
          </fieldset>`;
        })}
        <label for="subset-password">${t.subsetPassword}</label>
        <input id="subset-password" name="subset-password" type="password" autocomplete="new-password" />
        <label for="subset-confirm">${l.t.confirmPassword}</label>
        <input id="subset-confirm" name="subset-confirm" type="password" autocomplete="new-password" />
        <label for="subset-recovery">${t.subsetRecovery}</label>
        <input id="subset-recovery" name="subset-recovery" type="text" autocomplete="off" spellcheck="false" />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.done ? html`<p role="status">${t.subsetSaved(bdi(this.done.filename), countsSentence(l, this.done.counts))}</p>` : nothing}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.saveSelection}</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-subset': BackupInspectorSubset;
  }
}
