import { expect } from '@open-wc/testing';
import { isBackupError, toValidationIssues } from '../../src/errors.js';
import { parseBackupPayload } from '../../src/inspect/open.js';
import { formatIssuePath } from '../../src/inspect/messages.js';
import { describe, it } from '../mocha.js';
import { BackupPayload } from '../../src/schemas.js';
import { PARSE } from '../../src/zod.js';
import { cloneJson } from './helpers.js';
import { makePayload } from './make-payload.js';

describe('parseBackupPayload', () => {
  it('accepts a valid payload as is, with no issues and no extras', async () => {
    const payload = makePayload({ plugins: 2, workspaces: 2, profiles: 1, keys: 2 });
    const backup = await parseBackupPayload(JSON.parse(JSON.stringify(payload)));
    expect(backup.issues).to.deep.equal([]);
    expect(backup.payload).to.deep.equal(payload);
    expect(backup.countsMatch).to.equal(true);
    expect(backup.extras.plugins).to.deep.equal([]);
  });

  it('flags manifest counts that disagree with the content', async () => {
    const payload = makePayload({ plugins: 2, workspaces: 2, profiles: 1, keys: 2 });
    payload.manifest.counts.keys = 3;
    expect((await parseBackupPayload(payload)).countsMatch).to.equal(false);
  });

  it('reads an off-schema payload leniently: empty defaults, unknown fields apart, unmarked keys treated as secret', async () => {
    const backup = await parseBackupPayload({
      manifest: { unit: { id: 'u' }, createdAt: 5 },
      unit: {
        plugins: [{ bundle: 'com.x.y', settings: { a: 1 } }, 'not an object'],
        workspaces: [{ name: 'W', applications: [{ plugin: 'com.x.y', column: 'one' }] }],
        keys: [{ key: 'k', value: 'v' }],
      },
    });
    expect(backup.issues.length).to.be.above(0);
    expect(backup.issues.every((i) => !JSON.stringify(i).includes('"v"'))).to.equal(true);
    expect(backup.payload.unit.plugins).to.have.length(1);
    expect(backup.payload.unit.plugins[0]).to.include({ bundle: 'com.x.y', name: 'com.x.y', author: '' });
    expect(backup.extras.plugins[0]).to.deep.equal({ settings: { a: 1 } });
    expect(backup.payload.unit.workspaces[0]!.applications[0]).to.include({ column: 0 });
    expect(backup.payload.unit.profiles).to.deep.equal([]);
    expect(backup.payload.unit.keys[0]).to.deep.equal({ key: 'k', value: 'v', secret: true });
    expect(backup.payload.manifest.unit).to.deep.equal({ id: 'u', name: 'u' });
    expect(backup.payload.manifest.createdAt).to.equal('5');
  });

  it('refuses content without the outline of a backup, with issues by path and no values', async () => {
    for (const value of [null, 'text', [], { manifest: {} }, { manifest: 'x', unit: {} }]) {
      let caught: unknown;
      try {
        await parseBackupPayload(value);
      } catch (error) {
        caught = error;
      }
      expect(isBackupError(caught, 'INVALID_BACKUP'), JSON.stringify(value)).to.equal(true);
      expect((caught as { issues: unknown[] }).issues.length).to.be.above(0);
    }
  });

  it('finds the issues one BackupPayload.safeParse call finds, in its order, while validating entity by entity', async () => {
    const good = makePayload({ plugins: 3, workspaces: 3, profiles: 2, keys: 3 });
    const broken = (edit: (p: Record<string, any>) => void) => {
      const p = cloneJson(good) as unknown as Record<string, any>;
      edit(p);
      return p;
    };
    const cases: unknown[] = [
      broken((p) => {
        p.manifest.payloadVersion = 7;
        p.unit.plugins[1].bundle = 42;
        delete p.unit.keys[2].value;
      }),
      broken((p) => {
        delete p.unit.workspaces; // a missing section, reported in its place
        p.unit.profiles[0].roles = 'admin';
        p.manifest = 'not a manifest';
      }),
      broken((p) => (p.unit = [])),
      broken((p) => delete p.manifest),
    ];
    for (const value of cases) {
      const expected = BackupPayload.safeParse(value, PARSE);
      expect(expected.success).to.equal(false);
      // Shown with a leniently read content, or refused for lacking the outline of a backup: the same issues.
      const issues = await parseBackupPayload(value).then(
        (b) => b.issues,
        (e: { issues: unknown }) => e.issues,
      );
      expect(issues, JSON.stringify(value).slice(0, 80)).to.deep.equal(toValidationIssues(expected.error!));
    }
    const valid = await parseBackupPayload(cloneJson(good));
    expect(valid.issues).to.deep.equal([]);
    expect(valid.payload).to.deep.equal(BackupPayload.parse(good));
  });

  it('formats issue paths for people', () => {
    expect(formatIssuePath(['unit', 'plugins', 0, 'author'])).to.equal('unit.plugins[0].author');
    expect(formatIssuePath([])).to.equal('(the whole content)');
  });
});
