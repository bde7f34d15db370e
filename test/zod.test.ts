// The host is left untouched: importing any entry of the package changes nothing in zod's global configuration,
// which a host using zod 4 itself shares with us (the ESM build leaves zod an import), and our issue messages stay
// English whatever the host configures, before or after the import (src/zod.ts passes them per parse).
// Only zod itself is imported statically here: the host configures zod before the package's modules run.
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { describe, it } from './mocha.js';

const hostLocale = () => 'host locale message';
const hostCustom = () => undefined; // falls through to the locale, as a host's partial map would
z.config({ localeError: hostLocale, customError: hostCustom });
const before = { ...z.config() };

/** The issue messages `openBackup` reports for a backup whose payload is not an object where one is expected. */
async function issueMessages(): Promise<string[]> {
  const { MIN_ITERATIONS, encryptBackup, openBackup } = await import('../src/index.js');
  const bytes = await encryptBackup({ manifest: 'not an object', unit: {} }, 'zod-test-password-1', {
    iterations: MIN_ITERATIONS,
  });
  const error = await openBackup(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'zod-test-password-1').then(
    () => undefined,
    (e: unknown) => e as { code?: string; issues?: { message: string }[] },
  );
  expect(error?.code).to.equal('INVALID_BACKUP');
  return (error?.issues ?? []).map((i) => i.message);
}

describe('zod: the host is left untouched', () => {
  it('importing each entry leaves z.config() as the host set it', async () => {
    await import('../src/index.js');
    await import('../components/dashboard-backup/dashboard-backup.js');
    await import('../components/backup-inspector/backup-inspector.js');
    const after = z.config();
    expect(Object.keys(after).sort()).to.deep.equal(Object.keys(before).sort());
    for (const key of Object.keys(before) as (keyof typeof before)[]) expect(after[key], key).to.equal(before[key]);
    expect(after.jitless, 'jitless').to.equal(undefined);
    // The host's own parses still use the host's locale.
    expect(z.string().safeParse(1).error?.issues[0]?.message).to.equal('host locale message');
  });

  it('our issue messages are English whatever locale the host set, before or after the import', async () => {
    const messages = await issueMessages();
    expect(messages).to.include('Invalid input: expected object, received string');
    for (const m of messages) expect(m).to.match(/^Invalid input: expected \w+, received \w+$/);
    z.config({ localeError: () => 'set after the import', customError: () => 'host custom map' });
    expect(await issueMessages()).to.deep.equal(messages);
    z.config(before);
  });
});
