import { expect } from '@open-wc/testing';
import { isBackupError } from '../../src/errors.js';
import { parseBackupPayload } from '../../src/inspect/open.js';
import { formatIssuePath } from '../../src/inspect/messages.js';
import { describe, it } from '../mocha.js';
import { makePayload } from './make-payload.js';

describe('parseBackupPayload', () => {
  it('accepts a valid payload as is, with no issues and no extras', () => {
    const payload = makePayload({ plugins: 2, workspaces: 2, profiles: 1, keys: 2 });
    const backup = parseBackupPayload(JSON.parse(JSON.stringify(payload)));
    expect(backup.issues).to.deep.equal([]);
    expect(backup.payload).to.deep.equal(payload);
    expect(backup.countsMatch).to.equal(true);
    expect(backup.extras.plugins).to.deep.equal([]);
  });

  it('flags manifest counts that disagree with the content', () => {
    const payload = makePayload({ plugins: 2, workspaces: 2, profiles: 1, keys: 2 });
    payload.manifest.counts.keys = 3;
    expect(parseBackupPayload(payload).countsMatch).to.equal(false);
  });

  it('reads an off-schema payload leniently: empty defaults, unknown fields apart, unmarked keys treated as secret', () => {
    const backup = parseBackupPayload({
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

  it('refuses content without the outline of a backup, with issues by path and no values', () => {
    for (const value of [null, 'text', [], { manifest: {} }, { manifest: 'x', unit: {} }]) {
      let caught: unknown;
      try {
        parseBackupPayload(value);
      } catch (error) {
        caught = error;
      }
      expect(isBackupError(caught, 'INVALID_BACKUP'), JSON.stringify(value)).to.equal(true);
      expect((caught as { issues: unknown[] }).issues.length).to.be.above(0);
    }
  });

  it('formats issue paths for people', () => {
    expect(formatIssuePath(['unit', 'plugins', 0, 'author'])).to.equal('unit.plugins[0].author');
    expect(formatIssuePath([])).to.equal('(the whole content)');
  });
});
