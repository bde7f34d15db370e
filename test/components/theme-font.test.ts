import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, heading, mountBackup } from './helpers.js';

describe('<dashboard-backup> font', () => {
  it('follows the page by default, takes --dashboard-backup-font-family when set, and `inherit` is harmless', async () => {
    document.body.style.fontFamily = '"Courier New", monospace';
    try {
      const el = await mountBackup(await createWorld());
      const title = await heading(el, 'Before you start');
      const font = () => getComputedStyle(title).fontFamily;
      const page = getComputedStyle(document.body).fontFamily;
      expect(font()).to.equal(page);
      el.style.setProperty('--dashboard-backup-font-family', 'Georgia, serif');
      expect(font()).to.equal('Georgia, serif');
      el.style.setProperty('--dashboard-backup-font-family', 'inherit');
      expect(font()).to.equal(page);
    } finally {
      document.body.style.removeProperty('font-family');
    }
  });
});
