import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createSubsetBackup, subsetUnit } from '../../src/backup/subset.js';
import type { Selection } from '../../src/backup/selection.js';
import type { BackupPayload } from '../../src/schemas.js';
import { describeOpenError } from '../../src/inspect/messages.js';
import { backupFilename } from '../../src/backup/manifest.js';
import { openerStyles } from './backup-inspector-parts.styles.js';
import { inspectorTokens } from './backup-inspector.styles.js';
import { downloadBlob } from '../shared/download.js';

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

const SECTIONS: { key: Section; label: string }[] = [
  { key: 'plugins', label: 'Plugins' },
  { key: 'workspaces', label: 'Workspaces' },
  { key: 'profiles', label: 'Profiles' },
  { key: 'keys', label: 'Keys' },
];

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

  @state() private chosen = new Set<string>();
  @state() private query = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private done = '';

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
    this.done = '';
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const payload = this.payload;
    if (!payload) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const password = value('subset-password');
    this.error = '';
    this.done = '';
    if (this.chosen.size === 0) return void (this.error = 'Choose at least one item to save.');
    if ([...password].length < MIN_PASSWORD_LENGTH) return void (this.error = `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    if (password !== value('subset-confirm')) return void (this.error = 'The two passwords differ.');
    const recoveryKey = value('subset-recovery').trim();
    this.busy = true;
    try {
      const blob = await createSubsetBackup(payload, this.selection, password, recoveryKey ? { recoveryKey } : {});
      const counts = (({ plugins, workspaces, profiles, keys }) => ({ plugins: plugins.length, workspaces: workspaces.length, profiles: profiles.length, keys: keys.length }))(subsetUnit(payload.unit, this.selection));
      const filename = backupFilename(payload.manifest.unit.name, new Date(payload.manifest.createdAt), 'selection');
      URL.revokeObjectURL(downloadBlob(blob, filename));
      form.reset();
      this.done = `Saved ${filename}: ${counts.plugins} plugin(s), ${counts.workspaces} workspace(s), ${counts.profiles} profile(s), ${counts.keys} key(s).`;
      this.dispatchEvent(new CustomEvent<InspectorSubsetDetail>('inspector-subset', { detail: { filename, bytes: blob.size, counts }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = describeOpenError(error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.payload) return nothing;
    const q = this.query.trim().toLowerCase();
    return html`<section aria-labelledby="subset-heading">
      <h2 id="subset-heading">Save a selection as a smaller backup</h2>
      <p class="muted">What you choose, and what it refers to, is saved as a new backup file, encrypted with the password you give. Nothing is sent anywhere.</p>
      <form part="subset" @submit=${this.save}>
        <label for="subset-search">Filter the items</label>
        <input id="subset-search" type="search" autocomplete="off" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        ${SECTIONS.map(({ key, label }) => {
          const matching = this.entries.filter(([s, l]) => s === key && (!q || l.toLowerCase().includes(q)));
          // A large backup has thousands of entities: list a page of them, like the tree, and let the filter find the rest.
          const items = matching.slice(0, SHOWN_PER_SECTION);
          return html`<fieldset>
            <legend>${label}</legend>
            ${matching.length === 0 ? html`<span class="muted">None.</span>` : nothing}
            ${matching.length > items.length
              ? html`<span class="muted">Showing ${items.length} of ${matching.length.toLocaleString('en')}: filter to find the others.</span>`
              : nothing}
            ${items.map(([s, l, k]) => html`<label><input type="checkbox" .checked=${this.chosen.has(`${s}:${k}`)}
              @change=${(e: Event) => this.toggle(`${s}:${k}`, (e.target as HTMLInputElement).checked)} /> ${l}</label>`)}
          </fieldset>`;
        })}
        <label for="subset-password">Password of the smaller backup</label>
        <input id="subset-password" name="subset-password" type="password" autocomplete="new-password" />
        <label for="subset-confirm">Confirm the password</label>
        <input id="subset-confirm" name="subset-confirm" type="password" autocomplete="new-password" />
        <label for="subset-recovery">Recovery key that opens it too (optional)</label>
        <input id="subset-recovery" name="subset-recovery" type="text" autocomplete="off" spellcheck="false" />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.done ? html`<p role="status">${this.done}</p>` : nothing}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Save the selection…</button></div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-inspector-subset': BackupInspectorSubset;
  }
}
