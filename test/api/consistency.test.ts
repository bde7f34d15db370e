// Lists that change while they are read: the churn dev control (server/churn.ts) adds, removes or edits an entity
// right after a list page was served. A list of several pages is read until two reads agree; one that keeps changing
// is refused with UNIT_CHANGED_DURING_READ — never returned with a hole or a duplicate.
import { expect } from '@open-wc/testing';
import { LIST_READ_ATTEMPTS } from '../../src/api/pages.js';
import { exportUnit, openBackup } from '../../src/backup/index.js';
import type { KeyEntry } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';

type Action = 'add' | 'remove' | 'edit' | 'replace';
interface Churn {
  collection: 'plugins' | 'workspaces' | 'profiles' | 'keys';
  action: Action;
  afterPage?: number;
  times?: number;
}

const churn = async (world: World, ...rules: Churn[]) => void (await world.dev('POST', 'churn', { rules }));

/** List requests of `collection` in the log: their offsets and limits, in arrival order. */
async function listReads(world: World, collection: string): Promise<{ offset: number; limit: number }[]> {
  return (await world.log())
    .filter((e) => e.method === 'GET' && e.path === `/units/${UNIT}/${collection}`)
    .map((e) => {
      const q = new URLSearchParams(e.query);
      return { offset: Number(q.get('offset')), limit: Number(q.get('limit')) };
    });
}

const noDuplicates = (keys: KeyEntry[]) => expect(new Set(keys.map((k) => k.key)).size).to.equal(keys.length);

describe('lists that change while they are read', () => {
  // The small seed has 120 keys: two pages of 100.
  const described: Record<Action, string> = {
    add: 'a key added',
    remove: 'a key removed',
    edit: 'a key edited',
    replace: 'a key removed and another added (same total: a hole, no duplicate)',
  };
  for (const action of ['add', 'remove', 'edit', 'replace'] as const) {
    it(`${described[action]} between two page reads: read again, exactly the list as it is now`, async () => {
      const world = await createWorld('small');
      await churn(world, { collection: 'keys', action });
      const keys = await world.client().listKeys(UNIT);
      noDuplicates(keys);
      expect(keys).to.deep.equal((await world.state()).keys);
      // the first read was torn, so it took three: torn, then two that agree
      expect((await listReads(world, 'keys')).length).to.equal(6);
      await world.drop();
    });
  }

  it(`a list that changes after every page read is refused after ${LIST_READ_ATTEMPTS} reads, with UNIT_CHANGED_DURING_READ`, async () => {
    const world = await createWorld('small');
    await churn(world, { collection: 'keys', action: 'replace', times: 0 });
    const error = await rejectionOf(world.client().listKeys(UNIT));
    expect([error.code, error.method, error.path]).to.deep.equal(['UNIT_CHANGED_DURING_READ', 'GET', `/units/${UNIT}/keys`]);
    expect(error.message).to.match(/changed while it was being read/);
    expect((await listReads(world, 'keys')).length).to.equal(LIST_READ_ATTEMPTS * 2);
    await world.drop();
  });

  it('an export of a unit whose workspaces keep changing fails with UNIT_CHANGED_DURING_READ and changes nothing', async () => {
    // 25 workspaces: pages of 20 on the foreign Dashboard, so the list has two pages.
    const world = await createWorld('small', 'foreign');
    await churn(world, { collection: 'workspaces', action: 'add', times: 0 });
    const error = await rejectionOf(exportUnit(world.client(), 'correct horse ✓ battery', { iterations: 100_000 }));
    expect(error.code).to.equal('UNIT_CHANGED_DURING_READ');
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });

  it('a workspace removed between its list and its details: the workspaces are read again, the export is the unit as it is now', async () => {
    const world = await createWorld('small');
    // 25 workspaces fit one page: the removal lands after the list, before the details.
    await churn(world, { collection: 'workspaces', action: 'remove' });
    const exported = await exportUnit(world.client(), 'correct horse ✓ battery', { iterations: 100_000 });
    const unit = (await openBackup(exported.blob, 'correct horse ✓ battery')).payload.unit;
    const state = await world.state();
    expect(state.workspaces).to.have.length(24);
    expect(unit.workspaces).to.deep.equal(state.workspaces);
    expect((await listReads(world, 'workspaces')).length).to.equal(2);
    await world.drop();
  });

  it('workspaces removed after every list read, before their details: refused after 4 reads, nothing written', async () => {
    const world = await createWorld('small');
    await churn(world, { collection: 'workspaces', action: 'remove', times: 0 });
    const error = await rejectionOf(exportUnit(world.client(), 'correct horse ✓ battery', { iterations: 100_000 }));
    expect([error.code, error.path]).to.deep.equal(['UNIT_CHANGED_DURING_READ', `/units/${UNIT}/workspaces`]);
    expect((await listReads(world, 'workspaces')).length).to.equal(LIST_READ_ATTEMPTS);
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });

  it('follows a Dashboard that serves fewer items per page than asked (its limit and total)', async () => {
    const world = await createWorld('small', 'foreign');
    const client = world.client();
    const keys = await client.listKeys(UNIT);
    expect(keys).to.have.length(25);
    noDuplicates(keys);
    // asked 100 first, then pages of the 20 it serves; twice, since the list has two pages
    expect(await listReads(world, 'keys')).to.deep.equal([
      { offset: 0, limit: 100 },
      { offset: 20, limit: 20 },
      { offset: 0, limit: 100 },
      { offset: 20, limit: 20 },
    ]);
    await world.drop();
  });
});
