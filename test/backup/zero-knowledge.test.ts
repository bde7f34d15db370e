// Zero knowledge: the password never leaves the page; IndexedDB and Web Storage never hold the password, a
// derived key or a secret value in clear; what IndexedDB keeps of a backup or snapshot is encrypted.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport } from '../../src/backup/index.js';
import { MAGIC } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, TINY_SECRETS, buildTinyUnit, uniqueDatabase } from './helpers.js';

interface Sent {
  method: string;
  url: string;
  headers: string;
  body: string;
}

/** Records every request the page sends (URL, headers, body) while delegating to the real fetch. */
function spyOnFetch(): { sent: Sent[]; restore(): void } {
  const real = window.fetch;
  const sent: Sent[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers = [...request.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    const body = init?.body === undefined || init.body === null ? '' : typeof init.body === 'string' ? init.body : await request.clone().text();
    sent.push({ method: request.method, url: request.url, headers, body });
    return real(input, init);
  };
  return { sent, restore: () => void (window.fetch = real) };
}

/** Every value in every IndexedDB database of this origin, with Blobs read as bytes. */
async function dumpIndexedDb(): Promise<{ text: string; blobs: Uint8Array[]; cryptoKeys: number }> {
  const parts: string[] = [];
  const blobs: Uint8Array[] = [];
  let cryptoKeys = 0;
  const visit = async (value: unknown): Promise<void> => {
    if (value instanceof Blob) blobs.push(new Uint8Array(await value.arrayBuffer()));
    else if (value instanceof CryptoKey) cryptoKeys += 1;
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) blobs.push(new Uint8Array(value instanceof ArrayBuffer ? value : value.buffer));
    else if (Array.isArray(value)) for (const v of value) await visit(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) await visit(v);
    else parts.push(String(value));
  };
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const [values, keys] = await new Promise<[unknown[], unknown[]]>((resolve, reject) => {
        const tx = db.transaction(store, 'readonly');
        const all = tx.objectStore(store).getAll();
        const allKeys = tx.objectStore(store).getAllKeys();
        tx.oncomplete = () => resolve([all.result, allKeys.result]);
        tx.onerror = () => reject(tx.error);
      });
      parts.push(JSON.stringify(keys));
      await visit(values);
    }
    db.close();
  }
  return { text: parts.join('\n'), blobs, cryptoKeys };
}

function webStorage(): string {
  const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
  return `${dump(localStorage)}\n${dump(sessionStorage)}`;
}

const contains = (haystack: Uint8Array, needle: string): boolean => {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
};

describe('zero knowledge', () => {
  it('the password and secrets appear in no request, no IndexedDB value and no Web Storage', async () => {
    const world = await createWorld('empty');
    await buildTinyUnit(world.client());
    const database = uniqueDatabase();
    const spy = spyOnFetch();
    let midImport: Awaited<ReturnType<typeof dumpIndexedDb>>;
    try {
      const exported = await exportUnit(world.client(), PASSWORD, { iterations: TEST_ITERATIONS });
      const backup = await openBackup(exported.blob, PASSWORD);
      // Stop the import part-way so the journal, the snapshot and the stored backup are in IndexedDB.
      await world.faults({ kind: '500', when: 'before', nth: 8 });
      const stopped = await rejectionOf(
        runImport(world.client(), backup, PASSWORD, { iterations: TEST_ITERATIONS, database, reload: false, stepRetries: 0 }),
      );
      expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
      midImport = await dumpIndexedDb();
    } finally {
      spy.restore();
    }
    const secrets = [PASSWORD, ...TINY_SECRETS];
    expect(spy.sent.length).to.be.greaterThan(10);
    for (const r of spy.sent) {
      const all = `${r.method} ${r.url}\n${r.headers}\n${r.body}`;
      expect(all.includes(PASSWORD), `password in ${r.method} ${r.url}`).to.equal(false);
      expect(all.includes(encodeURIComponent(PASSWORD)), `password (URL-encoded) in ${r.method} ${r.url}`).to.equal(false);
      // Secret values travel only in the bodies of key-store writes, which is how they are restored.
      for (const s of TINY_SECRETS) {
        if (!(r.method === 'PUT' && r.url.includes('/keys/'))) expect(all.includes(s), `secret in ${r.method} ${r.url}`).to.equal(false);
        expect(`${r.url}\n${r.headers}`.includes(s), `secret in URL/headers of ${r.method} ${r.url}`).to.equal(false);
      }
    }
    const stored = midImport!;
    expect(stored.blobs.length, 'snapshot and backup are stored').to.be.greaterThan(1);
    expect(stored.cryptoKeys, 'CryptoKeys in IndexedDB').to.equal(0);
    for (const s of secrets) {
      expect(stored.text.includes(s), 'secret in IndexedDB values').to.equal(false);
      expect(webStorage().includes(s), 'secret in Web Storage').to.equal(false);
      for (const bytes of stored.blobs) expect(contains(bytes, s), 'secret in an IndexedDB blob').to.equal(false);
    }
    // Every stored blob is a backup file (encrypted), and no workspace or plugin name is stored in clear either.
    for (const bytes of stored.blobs) expect([...bytes.slice(0, MAGIC.length)]).to.deep.equal([...MAGIC]);
    for (const name of ['com.example.provider', 'Desk', 'Editors', 'smtp.password']) {
      expect(stored.text.includes(name), `${name} in IndexedDB values`).to.equal(false);
      for (const bytes of stored.blobs) expect(contains(bytes, name)).to.equal(false);
    }
    await indexedDB.deleteDatabase(database);
  });
});
