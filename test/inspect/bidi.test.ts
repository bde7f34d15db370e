// Names from the Dashboard in the inspector's tree are isolated for bidi: a right-to-left override character in a
// name cannot reverse the text around it (issue 14, "Text").
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { getTree, makeBackupFile, mountInspector, openThroughForm, queryDeep, settle } from './helpers.js';
import { makePayload } from './make-payload.js';

describe('<backup-inspector> bidi', () => {
  it('shows a name with a right-to-left override in an isolated <bdi>, wrapping anywhere', async () => {
    const payload = makePayload({ plugins: 2, workspaces: 2, profiles: 1, keys: 2 });
    const name = `\u202Eevil-${'x'.repeat(300)}`;
    payload.unit.plugins[1]!.name = name;
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(payload));
    await settle(getTree(el));
    const shown = queryDeep<HTMLElement>(el, 'bdi').filter((b) => b.textContent === name);
    expect(shown.length, 'the name is shown in a <bdi>').to.be.greaterThan(0);
    for (const b of shown) {
      const style = getComputedStyle(b);
      expect(style.unicodeBidi).to.equal('isolate');
      expect(style.overflowWrap).to.equal('anywhere');
    }
  });
});
