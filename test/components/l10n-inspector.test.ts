// Localization of <backup-inspector>: in Swedish, no English sentence of the catalog is left in any of its states
// (locked, errors, opened with every kind of row expanded, search, save warning, subset, re-key, comparison); it
// follows lang as it changes, like <dashboard-backup>.
import { afterEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../components/shared/l10n/en.js';
import { sv } from '../../components/shared/l10n/sv.js';
import type { BackupInspector } from '../../components/backup-inspector/backup-inspector.js';
import {
  PASSWORD,
  getOpener,
  getTree,
  makeBackupFile,
  mountInspector,
  openThroughForm,
  queryDeep,
  settle,
  shadow,
  submitOpener,
} from '../inspect/helpers.js';
import { makePayload } from '../inspect/make-payload.js';
import { expectNoEnglish, visibleText } from './l10n-helpers.js';

/** More plugins than a page holds, so the pager shows too. */
const COUNTS = { plugins: 55, workspaces: 3, profiles: 2, keys: 3 };

/** Stops the downloads the subset and re-key forms start (no file lands anywhere, no request is made). */
function silenceDownloads(): () => void {
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {};
  return () => void (HTMLAnchorElement.prototype.click = click);
}

function buttonIn(root: Element | ShadowRoot, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** Waits until the element's visible text contains `text`. */
async function shows(el: Element, text: string, timeout = 30000): Promise<void> {
  await waitUntil(() => visibleText(el).includes(text.replace(/\s+/g, ' ')), `"${text}" shown`, { timeout });
}

function field(root: Element, selector: string): HTMLInputElement {
  return shadow(root).querySelector<HTMLInputElement>(selector)!;
}

function fill(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<backup-inspector> localization', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('in Swedish, every state is free of English: locked, errors, opened, search, save warning, subset, re-key, comparison', async () => {
    const restore = silenceDownloads();
    try {
      document.documentElement.lang = 'sv';
      const file = await makeBackupFile(makePayload(COUNTS));
      const el: BackupInspector = await mountInspector();
      await settle(el);
      await shows(el, sv.inspector.openHeading);
      expectNoEnglish(el, 'locked');

      shadow(getOpener(el)).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await shows(el, sv.chooseFileFirst);
      expectNoEnglish(el, 'no file chosen');
      await submitOpener(getOpener(el), file, 'not the password');
      await shows(el, sv.inspector.openErrors.WRONG_PASSWORD);
      expectNoEnglish(el, 'wrong password');

      await openThroughForm(el, file);
      await shows(el, 'Säkerhetskopia av ');
      const tree = getTree(el);
      for (const section of ['plugins', 'workspaces', 'profiles'] as const) {
        shadow(tree).querySelector<HTMLElement>(`section[data-section=${section}] details summary`)!.click();
      }
      await settle(el);
      const reveal = [...shadow(tree).querySelectorAll('button')].find((b) => b.textContent?.trim() === sv.inspector.reveal);
      reveal?.click();
      await settle(el);
      expect(visibleText(el)).to.contain(sv.inspector.entity.configuration).and.contain(sv.inspector.pageOf('1', '2'));
      expectNoEnglish(el, 'opened, rows expanded');

      tree.search('zz-nothing-matches-this');
      await settle(el);
      await shows(el, sv.inspector.nothingMatches);
      expectNoEnglish(el, 'search without a match');
      tree.search('plugin-1');
      await settle(el);
      expectNoEnglish(el, 'search with matches');

      buttonIn(shadow(el), sv.inspector.saveAsJson).click();
      await shows(el, sv.inspector.saveTitle);
      expectNoEnglish(el, 'save warning');
      buttonIn(shadow(el), sv.cancel).click();

      const subset = queryDeep(el, 'backup-inspector-subset')[0]!;
      buttonIn(shadow(subset), sv.inspector.saveSelection).click();
      await shows(el, sv.inspector.chooseOne);
      expectNoEnglish(el, 'subset, nothing chosen');
      const box = shadow(subset).querySelector<HTMLInputElement>('fieldset[data-section=profiles] input[type=checkbox]')!;
      box.click();
      fill(field(subset, '#subset-password'), PASSWORD);
      fill(field(subset, '#subset-confirm'), PASSWORD);
      buttonIn(shadow(subset), sv.inspector.saveSelection).click();
      await waitUntil(() => shadow(subset).querySelector('[role=status]')?.textContent?.includes('sparades'), 'subset saved', { timeout: 30000 });
      expectNoEnglish(el, 'subset saved');

      const rekey = queryDeep(el, 'backup-inspector-rekey')[0]!;
      shadow(rekey).querySelector('details')!.open = true;
      buttonIn(shadow(rekey), sv.inspector.saveRekeyed).click();
      await shows(el, sv.inspector.enterCurrent);
      expectNoEnglish(el, 're-key, nothing entered');
      fill(field(rekey, '#rekey-current'), PASSWORD);
      fill(field(rekey, '#rekey-password'), 'a new password');
      fill(field(rekey, '#rekey-confirm'), 'a new password');
      buttonIn(shadow(rekey), sv.inspector.saveRekeyed).click();
      await waitUntil(() => shadow(rekey).querySelector('[role=status]')?.textContent?.includes('sparades'), 're-keyed', { timeout: 30000 });
      expectNoEnglish(el, 're-keyed');

      const other = await makeBackupFile(makePayload({ ...COUNTS, workspaces: 4 }, 1), PASSWORD, 'other.dashboard-backup');
      await submitOpener(getOpener(el, 'compare'), other, PASSWORD);
      await shows(el, sv.inspector.diffLegend);
      await settle(el);
      expect(visibleText(el)).to.contain(sv.inspector.diffKinds.added);
      expectNoEnglish(el, 'comparison');
    } finally {
      restore();
    }
  });

  it('follows lang as it changes: its own attribute over the page, then the page', async () => {
    document.documentElement.lang = 'sv';
    const el = await mountInspector();
    await shows(el, sv.inspector.openHeading);
    el.setAttribute('lang', 'en-GB');
    await shows(el, en.inspector.openHeading);
    expect(shadow(getOpener(el)).textContent).to.contain(en.inspector.orDrop);
    el.removeAttribute('lang');
    await shows(el, sv.inspector.openHeading);
    await settle(el);
    expect(shadow(getOpener(el)).textContent).to.contain(sv.inspector.orDrop);
  });
});
