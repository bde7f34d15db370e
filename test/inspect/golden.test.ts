import { expect } from '@open-wc/testing';
import { parseBackupPayload } from '../../src/inspect/open.js';
import { describe, it } from '../mocha.js';
import { deepText, dumpDom, findAxeViolations, getTree, mountInspector, openThroughForm, queryDeep, settle } from './helpers.js';
import { loadGoldenVector } from './golden.js';
import { installNetworkGuard } from './network-guard.js';

/** Mounts an inspector and opens `file` through its form with every network API blocked; asserts nothing was sent. */
async function openOffline(file: File, password: string): ReturnType<typeof mountInspector> {
  const el = await mountInspector();
  const guard = installNetworkGuard();
  try {
    await openThroughForm(el, file, password);
  } finally {
    const { attempts, resources } = guard.dispose();
    expect(attempts).to.deep.equal([]);
    expect(resources).to.deep.equal([]);
  }
  return el;
}

describe('the golden test vector in the inspector', () => {
  it('reads the vector’s content although it does not match the payload schema, listing the problems by path', async () => {
    const { plaintext } = await loadGoldenVector();
    const backup = await parseBackupPayload(plaintext);
    expect(backup.issues.length).to.be.above(0);
    expect(backup.issues.map((i) => i.path.join('.'))).to.include('unit.plugins.0.author');
    expect(backup.counts).to.deep.equal({ plugins: 2, workspaces: 1, profiles: 1, keys: 2 });
    expect(backup.countsMatch).to.equal(true);
    expect(backup.extras.plugins[0]).to.deep.equal({ config: { city: 'Zürich' } });
    expect(backup.payload.unit.keys.map((k) => k.secret)).to.deep.equal([true, false]);
    expect(backup.raw).to.equal(plaintext);
  });

  for (const index of [0, 1]) {
    it(`opens golden vector ${index} with every network API blocked and shows its tree`, async () => {
      const { file, password } = await loadGoldenVector(index);
      const el = await openOffline(file, password);
      const text = deepText(el);
      expect(text).to.contain('Backup of South News — Süd 南 🗞');
      expect(text).to.contain('Zoë Ångström (admin)');
      expect(text).to.contain('does not match the expected format');
      const tree = deepText(getTree(el));
      for (const s of ['Wetter ☀', 'com.example.weather', 'Новости', 'Newsroom 📰', 'Default', 'api/token', 'greeting']) {
        expect(tree).to.contain(s);
      }
      expect(tree).to.contain('こんにちは');
      expect(dumpDom(el)).not.to.contain('s3cr3t-ÿ');
      const plugin = queryDeep<HTMLDetailsElement>(el, 'section[data-section=plugins] details')[0]!;
      plugin.open = true;
      await new Promise((r) => setTimeout(r, 50));
      await settle(el);
      expect(deepText(plugin)).to.contain('Other fields (not in the schema)').and.contain('city: "Zürich"');
      expect(await findAxeViolations(el)).to.deep.equal([]);
    });
  }

  it('opens the unit-valid golden vector (a real export) with the network blocked: no schema problem, secrets masked', async () => {
    const { file, password, plaintext } = await loadGoldenVector(2);
    const el = await openOffline(file, password);
    const text = deepText(el);
    expect(text).to.contain('Backup of South News');
    expect(text).not.to.contain('does not match the expected format');
    const payload = plaintext as { unit: { plugins: { name: string }[]; keys: { value: string; secret: boolean }[] } };
    expect(deepText(getTree(el))).to.contain(payload.unit.plugins[0]!.name);
    const dom = dumpDom(el);
    for (const key of payload.unit.keys.filter((k) => k.secret && k.value.length > 6)) expect(dom).not.to.contain(key.value);
    expect((await parseBackupPayload(plaintext)).issues).to.deep.equal([]);
  });
});
