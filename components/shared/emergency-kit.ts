/**
 * The emergency kit of a recovery key: a small text file and a printable page. The kit says which unit, when, what
 * the key opens and how to use it — never the password. Nothing here is stored or sent: the text file is a
 * download, the page a window of this browser built with DOM calls.
 *
 * Under the element's strict Content-Security-Policy (no inline script or style) the page is an `about:blank`
 * window, which inherits the policy: its content is made with `createElement`, its styles are a constructed
 * stylesheet (`adoptedStyleSheets`, which the policy allows, as Lit's own styles), and its Print button's listener
 * is a function of this page, not an inline handler.
 */
import { downloadBlobOnce } from './download.js';
import type { Catalog } from './l10n/catalog.js';
import { en } from './l10n/en.js';

/** What a kit is about. */
export interface EmergencyKit {
  /** Display name of the unit, and its id. */
  unitName: string;
  unit: string;
  /** When the kit was made. */
  createdAt: Date;
  /** The recovery key, in its human form (13 groups). */
  recoveryKey: string;
  /** The language of the kit (the element's; English when left out). */
  t?: Catalog;
}


/** The lines of the kit, shared by the text file and the printed page (key excluded: each shows it its own way). */
function describe(kit: EmergencyKit): { heading: string; lines: string[]; uses: readonly string[] } {
  const t = (kit.t ?? en).kit;
  const unit = `${kit.unitName || kit.unit} (${kit.unit})`;
  // The date in UTC, as a machine would write it: the kit may be read far from where it was made.
  return { heading: unit, lines: [t.unit(unit), t.made(`${kit.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`)], uses: t.uses };
}

/** The kit as a small text file. */
export function buildKitText(kit: EmergencyKit): string {
  const { lines, uses } = describe(kit);
  const t = (kit.t ?? en).kit;
  return [t.title, '', ...lines, '', `${t.recoveryKey}:`, `  ${kit.recoveryKey}`, '', ...uses, ''].join('\n');
}

/** A file name for the kit: `<unit>-recovery-key-<YYYY-MM-DD>.txt`. */
export function kitFilename(kit: EmergencyKit): string {
  const slug = (kit.unit || 'unit').replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  return `${slug}-recovery-key-${kit.createdAt.toISOString().slice(0, 10)}.txt`;
}

/** Downloads the kit as a text file. */
export function downloadKitText(kit: EmergencyKit): void {
  downloadBlobOnce(new Blob([buildKitText(kit)], { type: 'text/plain;charset=utf-8' }), kitFilename(kit));
}

const KIT_CSS = `
  body { font: 12pt/1.5 system-ui, sans-serif; color: #000; background: #fff; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  .key { font: 600 1.25rem/1.8 ui-monospace, monospace; letter-spacing: 0.05em; border: 2px solid #000; padding: 0.75rem 1rem;
    display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 1rem 0; }
  .key span { white-space: nowrap; }
  .write { border-bottom: 1px solid #000; min-height: 2rem; margin: 0.5rem 0; }
  button { font: inherit; padding: 0.4rem 1rem; }
  @media print { button { display: none; } body { margin: 0; } }
`;

/**
 * Opens the printable kit in a new window (from a click, so it is not blocked as a popup) with a Print button.
 * @returns the window, or `null` when the browser refused to open it.
 */
export function openKitWindow(kit: EmergencyKit): Window | null {
  const win = window.open('', '_blank', 'popup,width=720,height=800');
  if (!win) return null;
  const doc = win.document;
  const t = (kit.t ?? en).kit;
  doc.title = t.title;
  const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(KIT_CSS);
  doc.adoptedStyleSheets = [sheet];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const { heading, lines, uses } = describe(kit);
  const key = el('p');
  key.className = 'key';
  key.setAttribute('aria-label', t.recoveryKey);
  for (const group of kit.recoveryKey.split('-')) key.append(el('span', group));
  const print = el('button', t.print);
  print.type = 'button';
  print.addEventListener('click', () => win.print());
  const note = el('p', t.keptWhere);
  const write = el('div');
  write.className = 'write';
  doc.body.replaceChildren(
    el('h1', `${t.title}: ${heading}`),
    ...lines.map((line) => el('p', line)),
    el('h2', t.recoveryKey),
    key,
    el('p', uses.join(' ')),
    note,
    write,
    print,
  );
  doc.documentElement.lang = t.lang;
  return win;
}
