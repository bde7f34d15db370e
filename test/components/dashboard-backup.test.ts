import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ERROR_MESSAGES } from '../../components/shared/messages.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectAccessible,
  expectFocusOn,
  heading,
  mountBackup,
  recordEvents,
} from './helpers.js';
import { alertWith, continueToTabs, input } from './flow.js';

describe('<dashboard-backup>', () => {
  beforeEach(clearIndexedDb);

  it('shows the warning first, then the Export and Import tabs, moving focus to the new heading', async () => {
    const el = await mountBackup(await createWorld());
    await heading(el, 'Before you start');
    expect(el.shadowRoot!.textContent).to.match(/Import wipes South News/);
    await expectAccessible(el);
    await continueToTabs(el);
    expect(deepActiveElement()?.textContent).to.match(/^Export South News/);
    const tabs = deepQueryAll(el, '[role="tab"]');
    expect(tabs.map((t) => t.textContent?.trim())).to.deep.equal(['Export', 'Import']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
    await expectAccessible(el);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    const [exportTab, importTab] = deepQueryAll(el, '[role="tab"]') as [HTMLElement, HTMLElement];
    const press = async (target: HTMLElement, key: string) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await el.updateComplete;
    };
    exportTab.focus();
    await press(exportTab, 'ArrowRight');
    expect(importTab.getAttribute('aria-selected')).to.equal('true');
    expectFocusOn(importTab);
    expect(deepQuery(el, '#panel-import')!.hidden).to.equal(false);
    expect(deepQuery(el, '#panel-export')!.hidden).to.equal(true);
    await press(importTab, 'ArrowRight');
    expect(exportTab.getAttribute('aria-selected')).to.equal('true');
    await press(exportTab, 'End');
    expect(importTab.getAttribute('aria-selected')).to.equal('true');
    await press(importTab, 'Home');
    expect(exportTab.getAttribute('aria-selected')).to.equal('true');
    expect(importTab.getAttribute('tabindex')).to.equal('-1');
    await heading(el, 'Export South News');
    await expectAccessible(el);
  });

  it('tells a non-admin that backup is for administrators, without any control', async () => {
    const el = await mountBackup(await createWorld(), { token: 'editor-token' });
    await heading(el, 'For administrators only');
    expect(deepQueryAll(el, 'button, input, a')).to.have.length(0);
    await expectAccessible(el);
  });

  it('reports a missing session with a sentence, an event and a retry', async () => {
    const recorder = recordEvents();
    try {
      const el = await mountBackup(await createWorld(), { token: undefined });
      await alertWith(el, ERROR_MESSAGES.UNAUTHENTICATED);
      expect(button(el, 'Try again')).to.exist;
      const errors = recorder.events.filter((e) => e.type === 'backup-error');
      expect(errors.map((e) => e.detail)).to.deep.include({
        step: 'session',
        code: 'UNAUTHENTICATED',
        message: ERROR_MESSAGES.UNAUTHENTICATED,
        unit: 'south-news',
      });
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('is themed by custom properties, parts and the theme attribute, and no page style leaks in', async () => {
    const page = document.createElement('style');
    page.textContent = [
      'button { color: rgb(255, 0, 0) !important; } h3 { font-size: 80px; }',
      // Parts of the element itself and, through exportparts, of the panel inside it.
      'dashboard-backup::part(primary-button) { text-transform: uppercase; }',
      'dashboard-backup::part(input) { letter-spacing: 3px; }',
    ].join('\n');
    document.head.append(page);
    try {
      const el = await mountBackup(await createWorld());
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(base).to.exist;
      const cont = button(el, 'Continue');
      expect(getComputedStyle(cont).color).to.not.equal('rgb(255, 0, 0)');
      expect(getComputedStyle(deepQuery(el, 'h3')!).fontSize).to.not.equal('80px');
      el.theme = 'light';
      await el.updateComplete;
      const light = getComputedStyle(base).backgroundColor;
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(base).backgroundColor).to.not.equal(light);
      el.style.setProperty('--dashboard-backup-accent-color', 'rgb(1, 2, 3)');
      await waitUntil(() => getComputedStyle(cont).backgroundColor === 'rgb(1, 2, 3)', 'accent colour applied');
      expect(getComputedStyle(cont).textTransform).to.equal('uppercase');
      await continueToTabs(el);
      expect(getComputedStyle(input(el, 'password')).letterSpacing).to.equal('3px');
      expect(getComputedStyle(button(el, 'Export')).textTransform).to.equal('uppercase');
      // And nothing of the element leaks out: its h2/h3 rules do not style the page's headings.
      const outside = document.createElement('h3');
      document.body.append(outside);
      expect(getComputedStyle(outside).fontSize).to.equal('80px');
      outside.remove();
    } finally {
      page.remove();
    }
  });
});
