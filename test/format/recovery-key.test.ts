/** Recovery keys: generation, human form, tolerant parsing, and the per-group check characters. */
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import {
  checkRecoveryKey,
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_ALPHABET,
} from '../../src/format/index.js';
import { expectCode } from './helpers.js';

describe('format: recovery keys', () => {
  it('are 256 random bits, written as 13 dash-separated groups of 5 base32 characters', () => {
    const a = generateRecoveryKey();
    expect(a.length).to.equal(32);
    expect([...a]).to.not.deep.equal([...generateRecoveryKey()]);
    expect(formatRecoveryKey(a)).to.match(/^([0-9A-HJKMNP-TV-Z]{5}-){12}[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('parse back to the same bytes, whatever the case, spaces, dashes or Crockford look-alikes', () => {
    for (let i = 0; i < 50; i++) {
      const key = generateRecoveryKey();
      const text = formatRecoveryKey(key);
      expect([...parseRecoveryKey(text)]).to.deep.equal([...key]);
      expect([...parseRecoveryKey(text.toLowerCase().replaceAll('-', ' '))]).to.deep.equal([...key]);
      expect([...parseRecoveryKey(`  ${text.replaceAll('-', '')}\n`)]).to.deep.equal([...key]);
      expect([...parseRecoveryKey(text.replaceAll('0', 'O').replaceAll('1', 'l'))]).to.deep.equal([...key]);
    }
    const edge = [new Uint8Array(32), new Uint8Array(32).fill(255)];
    for (const key of edge) expect([...parseRecoveryKey(formatRecoveryKey(key))]).to.deep.equal([...key]);
  });

  it('catch every single mistyped character, naming its group', () => {
    const text = formatRecoveryKey(generateRecoveryKey()).replaceAll('-', '');
    for (let at = 0; at < text.length; at++) {
      for (const replacement of RECOVERY_KEY_ALPHABET) {
        if (replacement === text[at]) continue;
        const typo = text.slice(0, at) + replacement + text.slice(at + 1);
        expect(checkRecoveryKey(typo), `${at} → ${replacement}`).to.deep.equal({ kind: 'typo', group: Math.floor(at / 5) + 1 });
      }
    }
  });

  it('catch two groups typed in each other’s place', () => {
    const groups = formatRecoveryKey(generateRecoveryKey()).split('-');
    [groups[2], groups[7]] = [groups[7]!, groups[2]!];
    expect(checkRecoveryKey(groups.join('-')).kind).to.equal('typo');
  });

  it('treat anything not shaped like a key as something else (a password), and refuse it as a key', async () => {
    for (const text of ['', 'hunter22', formatRecoveryKey(generateRecoveryKey()).slice(0, -1), 'U'.repeat(65)]) {
      expect(checkRecoveryKey(text).kind).to.equal('other');
    }
    await expectCode(Promise.resolve().then(() => parseRecoveryKey('not a key')), 'INVALID_RECOVERY_KEY');
  });
});
