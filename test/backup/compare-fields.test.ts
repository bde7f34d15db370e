// Verification compares every field of every entity kind (unknown ones included), each collection's order and a
// profile's workspace order: one change at a time in a read-back built here, each one a named difference. The
// engine's compare (src/backup/compare.ts) and the inspector's diff (src/inspect/diff.ts) are held to the same
// table. States are constructed, so this does not depend on how a restore schedules its creates.
import { expect } from '@open-wc/testing';
import { findDifferences } from '../../src/backup/compare.js';
import { diffBackups } from '../../src/inspect/diff.js';
import { Application, KeyEntry, Plugin, Profile, Workspace, type BackupPayload, type UnitState } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';

/** A unit whose entities carry every schema field plus fields no schema knows (JSON.parse: `__proto__` is a field). */
function baseUnit(): UnitState {
  return JSON.parse(`{
    "plugins": [
      { "id": "p1", "bundle": "com.example.a", "name": "A", "version": "1", "author": "x", "description": "d",
        "manifestUrl": "https://a", "enabled": true, "configuration": { "__proto__": { "polluted": 1 }, "": [1], "k": { "deep": null } },
        "permissions": [{ "id": "read", "label": "Read", "description": "r" }], "permissionMappings": { "read": ["admin"] },
        "requirementMappings": { "actions": { "go": "com.example.b" }, "portals": {} }, "icon": "data:image/png;base64,AA",
        "vendorTags": ["x", { "n": null }], "createdAt": "2020-01-01T00:00:00Z" },
      { "id": "p2", "bundle": "com.example.b", "name": "B", "version": "1", "author": "", "manifestUrl": "https://b",
        "enabled": false, "configuration": {}, "permissions": [], "permissionMappings": {},
        "requirementMappings": { "actions": {}, "portals": {} } }
    ],
    "workspaces": [
      { "id": "w1", "name": "Desk", "owner": "admin", "shared": true, "layout": "cols", "icon": { "text": "D", "color": "#000", "image": "i" },
        "applications": [
          { "id": "a1", "plugin": "com.example.a", "column": 0, "position": 0, "config": { "t": 1 }, "pinned": true },
          { "id": "a2", "plugin": "com.example.b", "column": 1, "position": 0, "config": {} }
        ], "theme": { "dark": true } },
      { "id": "w2", "name": "Wire", "owner": "admin", "shared": false, "layout": "rows", "icon": { "text": "W", "color": "#fff" },
        "applications": [] },
      { "id": "w3", "name": "Feed", "owner": "editor", "shared": false, "layout": "rows", "icon": { "text": "F", "color": "#fff" },
        "applications": [] }
    ],
    "profiles": [
      { "id": "r1", "name": "Editors", "roles": ["user", "admin"], "workspaces": ["w2", "w1", "w3"], "color": "red" },
      { "id": "r2", "name": "Admins", "roles": ["admin"], "workspaces": ["w1"] }
    ],
    "keys": [
      { "key": "api.url", "value": "https://wire", "secret": false, "note": "x" },
      { "key": "api.token", "value": "t0ken", "secret": true },
      { "key": "mail.host", "value": "smtp", "secret": false }
    ]
  }`) as UnitState;
}

const SECTIONS = ['plugins', 'workspaces', 'profiles', 'keys'] as const;
type Section = (typeof SECTIONS)[number];
const SINGULAR: Record<Section, string> = { plugins: 'Plugin', workspaces: 'Workspace', profiles: 'Profile', keys: 'Key' };
const LABEL: Record<Section, (e: Record<string, unknown>) => string> = {
  plugins: (e) => String(e.bundle),
  workspaces: (e) => `${String(e.name)} (${String(e.owner)})`,
  profiles: (e) => String(e.name),
  keys: (e) => String(e.key),
};
/** Fields that identify an entity: changing one makes another entity, reported as missing. */
const NATURAL: Record<Section, string[]> = { plugins: ['bundle'], workspaces: ['name', 'owner'], profiles: ['name'], keys: ['key'] };
const SERVER_OWNED = ['id', 'createdAt', 'updatedAt'];

/** Another value of the same JSON type. */
function changed(v: unknown): unknown {
  if (typeof v === 'string') return `${v}~`;
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (v === null) return 'x';
  if (Array.isArray(v)) return v.length > 0 ? v.slice(1) : ['x'];
  return { ...(v as object), addedField: 1 };
}

const payloadOf = (unit: UnitState): BackupPayload => ({
  manifest: {
    payloadVersion: 1,
    appVersion: '1',
    origin: 'https://x',
    unit: { id: 'u', name: 'U' },
    exportedBy: { id: 'a', name: 'A' },
    createdAt: '2020-01-01T00:00:00Z',
    counts: { plugins: 0, workspaces: 0, profiles: 0, keys: 0 },
  },
  unit,
});

/** Asserts that both comparisons report `readBack` as differing from the base, with `expected` in the engine's text. */
async function expectDifference(readBack: UnitState, expected: RegExp[], inspector: (d: Awaited<ReturnType<typeof diffBackups>>) => boolean) {
  const differences = await findDifferences(readBack, baseUnit());
  expect(differences.length, 'verified: false').to.be.greaterThan(0);
  for (const re of expected) expect(differences.join('\n')).to.match(re);
  const diff = await diffBackups(payloadOf(baseUnit()), payloadOf(readBack));
  expect(diff.identical).to.equal(false);
  expect(inspector(diff), JSON.stringify(diff.sections)).to.equal(true);
}

const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('verification compares every field', () => {
  it('finds an untouched read-back equal, with its server-owned fields renewed', async () => {
    const readBack = baseUnit();
    readBack.plugins[0]!.createdAt = '2030-01-01T00:00:00Z';
    readBack.plugins[1]!.updatedAt = '2030-01-01T00:00:00Z';
    readBack.workspaces[0]!.applications[0]!.id = 'new-app';
    // New ids everywhere, references following them.
    for (const w of readBack.workspaces) w.id = `n-${w.id}`;
    for (const p of readBack.profiles) p.workspaces = p.workspaces.map((id) => `n-${id}`);
    for (const p of readBack.plugins) p.id = `n-${p.id}`;
    expect(await findDifferences(readBack, baseUnit())).to.deep.equal([]);
    expect((await diffBackups(payloadOf(baseUnit()), payloadOf(readBack))).identical).to.equal(true);
  });

  it('covers every field the schemas know, plus unknown ones', () => {
    const unit = baseUnit();
    const keysOf = (list: object[]) => new Set(list.flatMap((e) => Object.keys(e)));
    const shapes = { plugins: Plugin, workspaces: Workspace, profiles: Profile, keys: KeyEntry };
    for (const s of SECTIONS) {
      const present = keysOf(unit[s]);
      for (const f of Object.keys(shapes[s].shape)) expect(present.has(f), `${s}.${f} in the table`).to.equal(true);
    }
    const apps = keysOf(unit.workspaces[0]!.applications);
    for (const f of Object.keys(Application.shape)) expect(apps.has(f), `application.${f}`).to.equal(true);
  });

  for (const s of SECTIONS) {
    const fields = [...new Set(baseUnit()[s].flatMap((e) => Object.keys(e)))].filter((f) => !SERVER_OWNED.includes(f));
    for (const field of fields) {
      it(`names ${s}.${field} when only it differs`, async () => {
        const readBack = baseUnit();
        const entity = (readBack[s] as Record<string, unknown>[]).find((e) => Object.hasOwn(e, field))!;
        const label = LABEL[s](entity);
        entity[field] = changed(entity[field]);
        if (NATURAL[s].includes(field)) {
          await expectDifference(readBack, [new RegExp(`${SINGULAR[s]} "${quote(label)}" is missing`)], (d) =>
            d.sections[s].removed.length === 1,
          );
        } else {
          const shown = s === 'profiles' && field === 'workspaces' ? 'workspaces' : field;
          await expectDifference(
            readBack,
            [new RegExp(`${SINGULAR[s]} "${quote(label)}" differs from the backup in field "${quote(shown)}"`)],
            (d) => d.sections[s].changed.some((c) => c.fields.includes(field)),
          );
        }
      });
    }
  }

  for (const field of Object.keys(baseUnit().workspaces[0]!.applications[0]!).filter((f) => f !== 'id')) {
    it(`names applications.0.${field} of a workspace when only it differs`, async () => {
      const readBack = baseUnit();
      const app = readBack.workspaces[0]!.applications[0]! as Record<string, unknown>;
      app[field] = changed(app[field]);
      await expectDifference(readBack, [new RegExp(`Workspace "Desk \\(admin\\)" differs from the backup in field "applications\\.0\\.${field}"`)], (d) =>
        d.sections.workspaces.changed.some((c) => c.fields.includes('applications')),
      );
    });
  }

  it('names an unknown field that is missing from the read-back, and one the read-back added', async () => {
    const readBack = baseUnit();
    delete (readBack.plugins[0] as Record<string, unknown>).vendorTags;
    (readBack.keys[1] as Record<string, unknown>).extra = null;
    await expectDifference(
      readBack,
      [/Plugin "com\.example\.a" differs from the backup in field "vendorTags"/, /Key "api\.token" differs from the backup in field "extra"/],
      (d) => d.sections.plugins.changed[0]!.fields.includes('vendorTags') && d.sections.keys.changed[0]!.fields.includes('extra'),
    );
  });

  it('names a change under a "__proto__" key of a configuration', async () => {
    const readBack = baseUnit();
    const config = readBack.plugins[0]!.configuration as Record<string, unknown>;
    expect(Object.hasOwn(config, '__proto__'), 'an own field, as JSON.parse made it').to.equal(true);
    Object.defineProperty(config, '__proto__', { value: { polluted: 2 }, enumerable: true, writable: true, configurable: true });
    await expectDifference(readBack, [/Plugin "com\.example\.a" differs from the backup in field "configuration"/], (d) =>
      d.sections.plugins.changed[0]!.fields.includes('configuration'),
    );
  });

  it("names a key's secret flag", async () => {
    const readBack = baseUnit();
    readBack.keys[1]!.secret = false;
    await expectDifference(readBack, [/Key "api\.token" differs from the backup in field "secret"/], (d) =>
      d.sections.keys.changed[0]!.fields.includes('secret'),
    );
  });

  it('does not count the key store’s order (a map: docs/dashboard-api.md)', async () => {
    const readBack = baseUnit();
    readBack.keys.reverse();
    expect(await findDifferences(readBack, baseUnit())).to.deep.equal([]);
    expect((await diffBackups(payloadOf(baseUnit()), payloadOf(readBack))).identical).to.equal(true);
  });

  for (const s of ['plugins', 'workspaces', 'profiles'] as const) {
    it(`names the order of ${s}`, async () => {
      const readBack = baseUnit();
      (readBack[s] as unknown[]).reverse();
      const title = s[0]!.toUpperCase() + s.slice(1);
      await expectDifference(readBack, [new RegExp(`${title} are not in the backup’s order \\(a difference in "order"\\)`)], (d) =>
        d.sections[s].order?.position === 1,
      );
    });
  }

  it("names the order of a profile's workspaces", async () => {
    const readBack = baseUnit();
    readBack.profiles[0]!.workspaces.reverse();
    await expectDifference(readBack, [/Profile "Editors" differs from the backup in field "workspaces \(order\)"/], (d) =>
      d.sections.profiles.changed[0]!.fields.includes('workspaces'),
    );
  });
});
