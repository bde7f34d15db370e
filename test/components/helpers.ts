/**
 * Helpers of the element tests: an isolated world of the reference Dashboard per test, the element wired to it with
 * a Bearer token, queries that pierce the panels' shadow roots, axe-core, and a recorder of the element's events.
 */
import 'axe-core/axe.min.js';
import type * as AxeCore from 'axe-core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createRestClient } from '../../src/api/index.js';
import { createWorld as createSharedWorld, type Seed, type World } from '../world.js';
import '../../components/dashboard-backup/dashboard-backup.js';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import type { DashboardBackupEventMap } from '../../components/shared/events.js';

/** Retries fast enough for tests. */
export const FAST_RETRY = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } as const;

/** One isolated world of the reference Dashboard (test/world.ts). */
export type TestWorld = World;

/** A fresh world; the element tests start from the `small` demo seed. */
export function createWorld(seed: Seed = 'small'): Promise<World> {
  return createSharedWorld(seed);
}

/** Deletes every IndexedDB database of the page, so no test sees another's journal or snapshot. */
export async function clearIndexedDb(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      (d) =>
        new Promise<void>((resolve) => {
          if (!d.name) return resolve();
          const request = indexedDB.deleteDatabase(d.name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/** Options of {@link mountBackup}. */
export interface MountOptions {
  unit?: string;
  token?: string | undefined;
  reload?: () => void;
  /** Sets the `no-reload` attribute. */
  noReload?: boolean;
}

/** Renders `<dashboard-backup>` against `world`, with a Bearer token (admin unless told) and a reload spy. */
export async function mountBackup(world: TestWorld, options: MountOptions = {}): Promise<DashboardBackup> {
  const token = 'token' in options ? options.token : 'admin-token';
  const client = createRestClient({ baseUrl: world.baseUrl, token: () => token, retry: FAST_RETRY });
  const el = await fixture<DashboardBackup>(html`<dashboard-backup
    api-base=${world.baseUrl}
    unit=${options.unit ?? 'south-news'}
    reload-delay="0"
    ?no-reload=${options.noReload ?? false}
    .client=${client}
    .reload=${options.reload ?? (() => {})}
  ></dashboard-backup>`);
  await waitUntil(() => !deepQuery(el, 'p[role="status"]')?.textContent?.includes('Loading'), 'element loaded', {
    timeout: 10000,
  });
  return el;
}

/** Every shadow root under `root`, depth first, `root` included. */
function shadowRoots(root: Element | ShadowRoot | Document): (Element | ShadowRoot | Document)[] {
  const out: (Element | ShadowRoot | Document)[] = [root];
  const start = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  if (start !== root) out.push(start);
  for (const el of start.querySelectorAll('*')) if (el.shadowRoot) out.push(...shadowRoots(el));
  return out;
}

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  for (const r of shadowRoots(root)) {
    const found = r.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching `selector` in `root` and the shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return shadowRoots(root).flatMap((r) => [...r.querySelectorAll<T>(selector)]);
}

/** The visible button (or link styled as one, tabs excepted) whose text is `text`. */
export function button(root: Element, text: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(root, 'button:not([role="tab"]), a.button').find(
    (b) => b.textContent?.trim() === text && b.offsetParent !== null,
  );
  if (!found) throw new Error(`no visible button "${text}"`);
  return found;
}

/** The tab whose text is `text`. */
export function tab(root: Element, text: string): HTMLElement {
  const found = deepQueryAll(root, '[role="tab"]').find((t) => t.textContent?.trim() === text);
  if (!found) throw new Error(`no tab "${text}"`);
  return found;
}

/** Waits until a visible heading with text `text` exists, and returns it. */
export async function heading(root: Element, text: string | RegExp, timeout = 20000): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitUntil(
    () => {
      found = deepQueryAll(root, 'h2, h3').find(
        (h) => (typeof text === 'string' ? h.textContent?.trim() === text : text.test(h.textContent ?? '')) && h.offsetParent !== null,
      );
      return found;
    },
    `heading ${text}`,
    { timeout },
  );
  return found!;
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `<tag id="…">text</tag>`, short: how a failed focus check names the elements (never the elements themselves). */
function describeElement(el: Element | null): string {
  if (!el) return 'nothing';
  return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}>${(el.textContent ?? '').trim().slice(0, 40)}`;
}

/**
 * Asserts that `expected` has the focus (through shadow roots). Compares descriptions, not elements: an assertion
 * error holding DOM nodes stalls the test runner while it serializes them.
 */
export function expectFocusOn(expected: Element, message?: string): void {
  const active = deepActiveElement();
  expect(active === expected ? describeElement(expected) : `${describeElement(active)} (not the expected element)`, message).to.equal(
    describeElement(expected),
  );
}

/** Types `value` into an input as a user would (value + input event). */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Sets the file of a file input as a user choosing it would. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Runs axe-core on `el` (shadow roots included) and fails with the violations found. */
export async function expectAccessible(el: Element): Promise<void> {
  const axe = (window as unknown as { axe: typeof AxeCore }).axe;
  const results = await axe.run(el);
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  expect(violations, violations.join('\n')).to.deep.equal([]);
}

type EventName = keyof DashboardBackupEventMap;
/** The events that report outcomes; `backup-busy-change`, which every operation fires twice, is busy.test.ts's. */
export const EVENT_NAMES: readonly EventName[] = ['backup-export-done', 'backup-validated', 'backup-import-done', 'backup-error'];

/** Records every {@link EVENT_NAMES} event of the element that reaches `document`. */
export function recordEvents(): { events: { type: EventName; detail: unknown }[]; stop(): void } {
  const events: { type: EventName; detail: unknown }[] = [];
  const listener = (e: Event) => events.push({ type: e.type as EventName, detail: (e as CustomEvent).detail });
  for (const name of EVENT_NAMES) document.addEventListener(name, listener);
  return { events, stop: () => EVENT_NAMES.forEach((n) => document.removeEventListener(n, listener)) };
}

/** Waits for the next event `type` on document. */
export function nextEvent<K extends EventName>(type: K, timeout = 30000): Promise<DashboardBackupEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    document.addEventListener(
      type,
      (e) => {
        clearTimeout(timer);
        resolve(e as DashboardBackupEventMap[K]);
      },
      { once: true },
    );
  });
}
