// The inspector on real data: files made by the export engine (exportUnit) from the reference Dashboard's seeds.
import { expect, oneEvent } from '@open-wc/testing';
import { exportUnit } from '../../src/backup/index.js';
import { encryptBackupToBlob } from '../../src/format/index.js';
import { PAGE_SIZE } from '../../src/inspect/search.js';
import type { BackupPayload, UnitState } from '../../src/schemas.js';
import { createWorld, UNIT } from '../world.js';
import { describe, it } from '../mocha.js';
import {
  PASSWORD,
  deepText,
  dumpDom,
  findAxeViolations,
  getOpener,
  getTree,
  mountInspector,
  openThroughForm,
  queryDeep,
  settle,
  shadow,
  submitOpener,
} from './helpers.js';
import { installNetworkGuard } from './network-guard.js';

async function exportFile(world: Awaited<ReturnType<typeof createWorld>>): Promise<File> {
  const { blob, filename } = await exportUnit(world.client(), PASSWORD, { iterations: 100_000 });
  return new File([blob], filename);
}

async function unitState(world: Awaited<ReturnType<typeof createWorld>>): Promise<UnitState> {
  return (await world.dev('GET', `state?unit=${UNIT}`)) as UnitState;
}

describe('<backup-inspector> with freshly exported files', () => {
  it('opens a file from exportUnit with every network API blocked; the tree matches the unit', async () => {
    const world = await createWorld('small');
    const file = await exportFile(world);
    const state = await unitState(world);
    const el = await mountInspector();
    const guard = installNetworkGuard();
    let counts;
    try {
      const opened = oneEvent(el, 'inspector-open');
      await openThroughForm(el, file);
      ({ counts } = (await opened).detail);
    } finally {
      const { attempts, resources } = guard.dispose();
      expect(attempts).to.deep.equal([]);
      expect(resources).to.deep.equal([]);
    }
    expect(counts).to.deep.equal({
      plugins: state.plugins.length,
      workspaces: state.workspaces.length,
      profiles: state.profiles.length,
      keys: state.keys.length,
    });
    const text = deepText(el);
    expect(text).not.to.contain('does not match the expected format');
    expect(text).to.contain('Backup of South News');
    const tree = deepText(getTree(el));
    for (const p of state.plugins.slice(0, PAGE_SIZE)) expect(tree).to.contain(p.bundle);
    for (const w of state.workspaces.slice(0, PAGE_SIZE)) expect(tree).to.contain(w.name.replace(/\s+/g, ' ').trim());
    for (const k of state.keys.slice(0, PAGE_SIZE)) expect(tree).to.contain(k.key.replace(/\s+/g, ' ').trim());
    const dom = dumpDom(el);
    for (const k of state.keys.filter((k) => k.secret && k.value.length >= 4)) expect(dom).not.to.contain(k.value);
    expect(queryDeep(el, 'img')).to.have.length(0);
    expect(await findAxeViolations(el)).to.deep.equal([]);
  });

  it('compares two exports of one unit taken before and after a change', async () => {
    const world = await createWorld('small');
    const before = await exportFile(world);
    const state = await unitState(world);
    const client = world.client();
    const removed = state.keys[0]!;
    await client.deleteKey(UNIT, removed.key);
    await client.putKey(UNIT, { key: 'inspector.added', value: 'v', secret: false });
    const after = await exportFile(world);
    const el = await mountInspector();
    await openThroughForm(el, before);
    const compared = oneEvent(el, 'inspector-compare');
    await submitOpener(getOpener(el, 'compare'), after, PASSWORD);
    const { detail } = await compared;
    expect(detail.differences).to.deep.equal({ plugins: 0, workspaces: 0, profiles: 0, keys: 2 });
    await settle(el);
    const keys = deepText(shadow(shadow(el).querySelector('backup-inspector-diff')!).querySelector('section[data-section=keys]')!);
    expect(keys).to.contain('1 added, 1 removed, 0 changed');
    expect(keys).to.contain('Added inspector.added');
    expect(keys).to.contain(`Removed ${removed.key.replace(/\s+/g, ' ').trim()}`);
  });

  it('shows the large seed (300 plugins, 2,000 workspaces, 500 profiles, 5,000 keys) a page at a time', async function () {
    this.timeout(120_000);
    const world = await createWorld('large');
    const state = await unitState(world);
    // The large unit read through the REST client would take 2,300 detail requests; the state route gives the
    // same content in one, and the payload is built as the export engine builds it.
    const payload: BackupPayload = {
      manifest: {
        payloadVersion: 1,
        appVersion: '0.1.0',
        origin: location.origin,
        unit: { id: UNIT, name: 'South News' },
        exportedBy: { id: 'admin', name: 'Admin' },
        createdAt: new Date().toISOString(),
        counts: {
          plugins: state.plugins.length,
          workspaces: state.workspaces.length,
          profiles: state.profiles.length,
          keys: state.keys.length,
        },
      },
      unit: state,
    };
    expect(payload.manifest.counts).to.deep.equal({ plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 });
    const blob = await encryptBackupToBlob(payload, PASSWORD, { iterations: 100_000 });
    const el = await mountInspector();
    await openThroughForm(el, new File([blob], 'large.dashboard-backup'));
    expect(queryDeep(el, 'ul.rows > li')).to.have.length(4 * PAGE_SIZE);
    expect(queryDeep(el, '*').length).to.be.below(3000);
    expect(deepText(el)).to.contain('Showing 1–50 of 5,000');
    getTree(el).search(state.keys[4321]!.key);
    await settle(el);
    const keys = shadow(getTree(el)).querySelector('section[data-section=keys]')!;
    expect(keys.querySelectorAll('ul.rows > li').length).to.be.within(1, PAGE_SIZE);
  });
});
