/** Driving `<backup-inspector>` from tests: fixtures, the opener form, and reading through shadow roots. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
// axe-core is a UMD script: loaded for its side effect it defines `window.axe` (a default import fails in wds).
import 'axe-core/axe.min.js';
import { encryptBackupToBlob } from '../../src/format/index.js';
import type { BackupPayload } from '../../src/schemas.js';
import '../../components/backup-inspector/backup-inspector.js';
import type { BackupInspector } from '../../components/backup-inspector/backup-inspector.js';
import type { BackupInspectorOpener } from '../../components/backup-inspector/backup-inspector-opener.js';
import type { BackupInspectorTree } from '../../components/backup-inspector/backup-inspector-tree.js';

/** Test password (the KDF runs at its minimum, 100k iterations, to keep tests quick). */
export const PASSWORD = 'correct horse battery staple';

/** Encrypts a payload into a File, as the export engine would hand it over. */
export async function makeBackupFile(payload: unknown, password = PASSWORD, name = 'test.dashboard-backup'): Promise<File> {
  const blob = await encryptBackupToBlob(payload, password, { iterations: 100_000 });
  return new File([blob], name, { type: blob.type });
}

export async function mountInspector(): Promise<BackupInspector> {
  return fixture<BackupInspector>(html`<backup-inspector></backup-inspector>`);
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function getOpener(el: BackupInspector, which: 'open' | 'compare' = 'open'): BackupInspectorOpener {
  const opener = shadow(el).querySelector<BackupInspectorOpener>(`backup-inspector-opener.${which}`);
  if (!opener) throw new Error(`no ${which} form`);
  return opener;
}

export function getTree(el: BackupInspector): BackupInspectorTree {
  const tree = shadow(el).querySelector<BackupInspectorTree>('backup-inspector-tree');
  if (!tree) throw new Error('no tree');
  return tree;
}

/** Fills the opener like a user: picks the file in the file input, types the password, presses the button. */
export async function submitOpener(opener: BackupInspectorOpener, file: File, password: string): Promise<void> {
  const root = shadow(opener);
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const pw = root.querySelector<HTMLInputElement>('input[type=password]')!;
  pw.value = password;
  pw.dispatchEvent(new Event('input', { bubbles: true }));
  await opener.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

/** Opens `file` through the form and waits for the element to show it. */
export async function openThroughForm(el: BackupInspector, file: File, password = PASSWORD): Promise<void> {
  const opened = oneEvent(el, 'inspector-open');
  await submitOpener(getOpener(el), file, password);
  await opened;
  await settle(el);
}

/** Waits for the element and every nested Lit element to finish rendering. */
export async function settle(el: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = collectElements(el).map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete);
    const results = await Promise.all(pending.filter(Boolean));
    if (results.every((r) => r === true)) return;
  }
}

function collectElements(root: Element): Element[] {
  const out: Element[] = [root];
  const walk = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

/** Every element under `root`, shadow roots included, matching `selector`. */
export function queryDeep<T extends Element = Element>(root: Element, selector: string): T[] {
  return collectElements(root).filter((e) => e !== root && e.matches(selector)) as T[];
}

/** All text, attribute values and input values under `root`, shadow roots included: what "in the DOM" means. */
export function dumpDom(root: Element): string {
  const parts: string[] = [];
  for (const e of collectElements(root)) {
    for (const a of e.attributes) parts.push(a.value);
    if (e instanceof HTMLInputElement) parts.push(e.value);
    for (const n of e.childNodes) if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
  }
  return parts.join('\n');
}

/** The visible text of `root`, shadow roots included (collapsed whitespace). */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const el = node as Element;
    // Element boundaries separate words; adjacent text nodes (Lit's bindings) join as written.
    if (node.nodeType === Node.ELEMENT_NODE) parts.push(' ');
    if (el.shadowRoot) walk(el.shadowRoot);
    for (const child of node.childNodes) walk(child);
    if (node.nodeType === Node.ELEMENT_NODE) parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

/** Runs axe-core on `el` (shadow roots included) and returns the violations as readable lines. */
export async function findAxeViolations(el: Element): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(c: ElementContext, o: RunOptions): Promise<AxeResults> } }).axe;
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A payload as the backup holds it after a JSON round trip. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type { BackupPayload };
