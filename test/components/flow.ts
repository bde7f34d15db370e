/** Steps of the element's flow as a user takes them, shared by the element tests. */
import { waitUntil } from '@open-wc/testing';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import type { UnitState } from '../../src/schemas.js';
import { openBackup } from '../../src/backup/index.js';
import { encryptBackup } from '../../src/format/index.js';
import { TEST_ITERATIONS, unlikeItsUnit } from '../backup/helpers.js';
import { button, chooseFile, deepQuery, heading, mountBackup, tab, type, type TestWorld } from './helpers.js';

/** Warning step → Continue → the tabs. */
export async function continueToTabs(el: DashboardBackup): Promise<void> {
  await heading(el, 'Before you start');
  button(el, 'Continue').click();
  await heading(el, /^Export /);
}

/** The visible input with `id` in the panel of the selected tab (or the resume panel). */
export function input(el: DashboardBackup, id: string): HTMLInputElement {
  const panels = ['backup-export-panel', 'backup-import-panel', 'backup-resume-panel']
    .map((tag) => deepQuery(el, tag))
    .filter((p): p is HTMLElement => !!p && p.offsetParent !== null);
  for (const panel of panels) {
    const found = panel.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`);
    if (found) return found;
  }
  throw new Error(`no visible input #${id}`);
}

/** Fills the export form and submits it. */
export function submitExport(el: DashboardBackup, password: string, confirmation = password): void {
  type(input(el, 'password'), password);
  type(input(el, 'confirm'), confirmation);
  button(el, 'Export').click();
}

/** Exports through the element and returns the file the browser was given, read back from the download link. */
export async function exportThroughElement(el: DashboardBackup, password: string): Promise<File> {
  submitExport(el, password);
  return downloadedFile(el);
}

/** Makes a real backup of south-news by exporting it through the element (which is then removed). */
export async function backupOfSouthNews(world: TestWorld, password: string): Promise<File> {
  const el = await mountBackup(world);
  await continueToTabs(el);
  const file = await exportThroughElement(el, password);
  el.remove();
  return file;
}

/**
 * `file` changed in every entity (test/backup/helpers.ts, unlikeItsUnit), as a file again: an import keeps what
 * already stands as the backup wants it, so a test that needs every wipe and create (a fault at the n-th change,
 * a resume) imports this over the unit the file came from.
 */
export async function changedEverywhere(file: File, password: string): Promise<File> {
  const backup = unlikeItsUnit(await openBackup(file, password));
  const bytes = await encryptBackup(backup.payload, password, { iterations: TEST_ITERATIONS });
  return new File([bytes as BlobPart], file.name, { type: file.type });
}

/** Waits for the export's last step and returns the file the browser was given, read back from its link. */
export async function downloadedFile(el: DashboardBackup): Promise<File> {
  await heading(el, 'Backup ready');
  const link = deepQuery<HTMLAnchorElement>(el, 'a[download]');
  if (!link) throw new Error('no download link');
  const blob = await (await fetch(link.href)).blob();
  return new File([blob], link.download, { type: 'application/octet-stream' });
}

/** Import tab → choose `file` → password → Validate. Does not wait for the outcome. */
export async function submitValidate(el: DashboardBackup, file: File, password: string): Promise<void> {
  tab(el, 'Import').click();
  await heading(el, /^Import a backup into /);
  chooseFile(input(el, 'file'), file);
  type(input(el, 'password'), password);
  button(el, 'Validate').click();
}

/** The text of the visible alerts of the element. */
export function alerts(el: DashboardBackup): string[] {
  return collectAlerts(el);
}

function collectAlerts(root: Element): string[] {
  const out: string[] = [];
  const walk = (r: ParentNode) => {
    for (const node of r.querySelectorAll<HTMLElement>('*')) {
      if (node.getAttribute('role') === 'alert' && node.offsetParent !== null) out.push(node.textContent?.trim() ?? '');
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return out;
}

/** Waits until an alert containing `text` shows. */
export async function alertWith(el: DashboardBackup, text: string, timeout = 20000): Promise<void> {
  await waitUntil(() => alerts(el).some((a) => a.includes(text)), `alert "${text}" (saw: ${alerts(el).join(' | ')})`, {
    timeout,
  });
}

/** A unit's content without server-assigned ids: profiles name their workspaces, applications lose their ids. */
export function normalizeState(state: UnitState): unknown {
  const workspaceName = new Map(state.workspaces.map((w) => [w.id, w.name]));
  const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    plugins: state.plugins.map(({ id: _id, ...p }) => p).sort(byKey((p) => p.bundle)),
    workspaces: state.workspaces
      .map(({ id: _id, applications, ...w }) => ({ ...w, applications: applications.map(({ id: _a, ...a }) => a) }))
      .sort(byKey((w) => `${w.name}\u0000${w.owner}`)),
    profiles: state.profiles
      .map(({ id: _id, workspaces, ...p }) => ({ ...p, workspaces: workspaces.map((w) => workspaceName.get(w) ?? `?${w}`) }))
      .sort(byKey((p) => p.name)),
    keys: [...state.keys].sort(byKey((k) => k.key)),
  };
}

/** What a progress step showed over time: each state of the phase list, and each live-region announcement. */
export interface ProgressRecording {
  /** One entry per change of the phase list: the `data-state` of each of its items, in order. */
  phaseStates: string[][];
  /** The current phase's label at each change (undefined when no item is current). */
  currentPhases: (string | undefined)[];
  /** Every distinct text the panel's live region held, in order. */
  announcements: string[];
  stop(): void;
}

/**
 * Watches the shadow root of `panel` (a MutationObserver, which runs after each Lit render) and records what its
 * phase list and its `role="status"` live region said, so a test can check the order a person saw them in.
 */
export function recordProgress(panel: Element): ProgressRecording {
  const root = panel.shadowRoot!;
  const recording: ProgressRecording = { phaseStates: [], currentPhases: [], announcements: [], stop: () => observer.disconnect() };
  const take = () => {
    const items = [...root.querySelectorAll<HTMLElement>('ol.phases li')];
    if (items.length) {
      const states = items.map((li) => li.dataset.state ?? '');
      if (states.join() !== recording.phaseStates.at(-1)?.join()) {
        recording.phaseStates.push(states);
        recording.currentPhases.push(items.find((li) => li.dataset.state === 'current')?.textContent?.trim());
      }
    }
    const said = root.querySelector('[role="status"]')?.textContent?.trim() ?? '';
    if (said && said !== recording.announcements.at(-1)) recording.announcements.push(said);
  };
  const observer = new MutationObserver(take);
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  take();
  return recording;
}

/** `items` without consecutive repeats. */
export function withoutRepeats<T>(items: readonly T[]): T[] {
  return items.filter((item, i) => i === 0 || item !== items[i - 1]);
}
