// The Swedish catalog is fetched (a dynamic import) only when an element resolves to Swedish; English is built in
// and shown meanwhile; a host's registerCatalog is synchronous and wins over the built-in catalog arriving later; a
// `lang` switched live re-renders once the catalog is in. Module state is per test file (one page each), so the
// order of these tests is the order of events on a page.
import { afterEach, describe, it } from '../mocha.js';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { en } from '../../components/shared/l10n/en.js';
import { sv } from '../../components/shared/l10n/sv.js';
import { loadCatalog, localizer, registerCatalog } from '../../components/shared/l10n/localizer.js';
import { LazyParts } from '../../components/shared/lazy.js';
import { isBackupError } from '../../src/errors.js';
import { createWorld, deepQuery, heading, mountBackup } from './helpers.js';

describe('lazy Swedish catalog (components/shared/l10n/localizer.ts)', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('is not fetched for English; a registered sentence wins at once, before and after Swedish arrives', async () => {
    expect(localizer('en').t.warningHeading).to.equal(en.warningHeading);
    registerCatalog('sv', { continue: 'Vidare' });
    const before = localizer('sv-SE');
    // Synchronous: the host's sentence now; English for the rest until the built-in catalog is in.
    expect(before.t.continue).to.equal('Vidare');
    expect(before.t.warningHeading).to.equal(en.warningHeading);
    await loadCatalog('sv');
    const after = localizer('sv-SE');
    expect(after.t.warningHeading).to.equal(sv.warningHeading);
    expect(after.t.continue).to.equal('Vidare', 'the host still wins');
    expect(after.t.errors.CHUNK_LOAD_FAILED).to.equal(sv.errors.CHUNK_LOAD_FAILED);
  });

  it('an element whose lang is switched live to Swedish re-renders in Swedish', async () => {
    const world = await createWorld();
    const el = await mountBackup(world);
    await heading(el, en.warningHeading);
    el.lang = 'sv';
    await heading(el, sv.warningHeading);
    el.lang = 'en';
    await heading(el, en.warningHeading);
  });
});

class LazyHost extends LitElement {
  readonly parts = new LazyParts(this, {
    good: () => import('../../components/dashboard-backup/reload.js'),
    missing: () => import(/* a chunk that is not there */ `${location.origin}/no-such-chunk-${Date.now()}.js`),
  }, { onFailure: (part, error) => this.failures.push(`${part} ${error.code}`) });
  failures: string[] = [];
  shown: 'good' | 'missing' = 'good';
  override render() {
    return this.parts.render(this.shown, localizer(this.lang || 'en'), () => html`<p id="done">in</p>`);
  }
}
customElements.define('lazy-host-test', LazyHost);

describe('LazyParts (components/shared/lazy.ts)', () => {
  it('shows a localized busy line, then the part', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal(en.loadingPart);
    expect(await el.parts.whenReady('good')).to.equal(true);
    expect(el.shadowRoot!.querySelector('#done')).to.not.equal(null);
  });

  it('turns a chunk that cannot be fetched into CHUNK_LOAD_FAILED, with its sentence in the element’s language', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test lang="sv"></lazy-host-test>`);
    el.shown = 'missing';
    el.requestUpdate();
    expect(await el.parts.whenReady('missing')).to.equal(false);
    expect(isBackupError(el.parts.failure('missing'), 'CHUNK_LOAD_FAILED')).to.equal(true);
    const alert = deepQuery(el, '[role="alert"]');
    expect(alert?.dataset['code']).to.equal('CHUNK_LOAD_FAILED');
    expect(alert?.textContent?.trim()).to.equal(sv.errors.CHUNK_LOAD_FAILED);
    expect(el.failures).to.deep.equal(['missing CHUNK_LOAD_FAILED']);
  });
});
