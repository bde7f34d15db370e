/**
 * What the zero-knowledge test looks at: every request the page sends (a fetch spy, cross-checked against the
 * browser's Resource Timing entries and the reference server's own log), everything in IndexedDB and Web Storage,
 * and the keys derived for every backup file the page made — derived here again, independently, from the
 * password and each file's header (docs/format.md, "Keys"), and proved to be the real keys by checking the file's
 * header MAC and opening its first chunk with them.
 */
import { expect } from '@open-wc/testing';
import { readV2PerSpec } from '../format/spec-reader.js';
import type { LogEntry } from '../world.js';

/** One request as the page handed it to the network. */
export interface SentRequest {
  method: string;
  url: string;
  headers: string;
  body: string;
}

/** A running capture of the page's requests. */
export interface RequestCapture {
  sent: SentRequest[];
  /** URLs of every resource the page fetched while capturing, by any means (fetch, XHR, beacon, image, …). */
  resources: string[];
  stop(): void;
}

/**
 * Starts capturing: `window.fetch` is wrapped (URL, headers and body of every call are recorded, then the real
 * fetch sends it), and a PerformanceObserver records every resource the page loads, so a request sent some other
 * way than fetch cannot go unnoticed (see {@link expectCaptureComplete}).
 */
export function captureRequests(): RequestCapture {
  const real = window.fetch;
  const sent: SentRequest[] = [];
  const resources: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers = [...request.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    sent.push({ method: request.method, url: request.url, headers, body: await request.clone().text() });
    return real(input, init);
  };
  performance.setResourceTimingBufferSize(100_000);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) resources.push(e.name);
  });
  observer.observe({ type: 'resource', buffered: false });
  return {
    sent,
    resources,
    stop: () => {
      for (const e of observer.takeRecords()) resources.push(e.name);
      observer.disconnect();
      window.fetch = real;
    },
  };
}

/**
 * Checks that the capture saw everything: every resource the browser loaded went through the fetch spy, and every
 * request the reference server logged for the world at `baseUrl` is one the spy recorded — and no more.
 */
export function expectCaptureComplete(capture: RequestCapture, baseUrl: string, log: LogEntry[]): void {
  const spied = new Set(capture.sent.map((r) => r.url));
  for (const url of capture.resources) expect(spied.has(url), `a request not seen by the spy: ${url}`).to.equal(true);
  const base = new URL(baseUrl, location.origin).pathname;
  const api = capture.sent
    .map((r) => ({ method: r.method, url: new URL(r.url) }))
    .filter(({ url }) => url.pathname.startsWith(`${base}/`) && !url.pathname.startsWith(`${base}/__dev/`))
    .map(({ method, url }) => `${method} ${url.pathname.slice(base.length)}${url.search}`)
    .sort();
  const logged = log.map((e) => `${e.method} ${e.path}${e.query}`).sort();
  expect(api, 'the spy saw exactly the requests the server received').to.deep.equal(logged);
}

/** What {@link dumpIndexedDb} found. */
export interface IndexedDbDump {
  text: string;
  blobs: Uint8Array[];
  cryptoKeys: number;
}

/**
 * Every value in every IndexedDB database of this origin (or only database `only`), with Blobs and buffers read
 * as bytes. Test files run side by side share the origin, so "every" includes their journals too.
 */
export async function dumpIndexedDb(only?: string): Promise<IndexedDbDump> {
  const parts: string[] = [];
  const blobs: Uint8Array[] = [];
  let cryptoKeys = 0;
  const visit = async (value: unknown): Promise<void> => {
    if (value instanceof Blob) blobs.push(new Uint8Array(await value.arrayBuffer()));
    else if (value instanceof CryptoKey) cryptoKeys += 1;
    else if (value instanceof ArrayBuffer) blobs.push(new Uint8Array(value));
    else if (ArrayBuffer.isView(value)) blobs.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    else if (Array.isArray(value)) for (const v of value) await visit(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) await visit(v);
    else parts.push(String(value));
  };
  for (const info of await indexedDB.databases()) {
    if (only !== undefined && info.name !== only) continue;
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

/** Everything in localStorage and sessionStorage. */
export function dumpWebStorage(): string {
  const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
  return `${dump(localStorage)}\n${dump(sessionStorage)}`;
}

/** True when `needle` occurs in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The ways a key could be written down in text: hex, base64, base64url, a list of byte values. */
export function textForms(bytes: Uint8Array): string[] {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const base64 = btoa(String.fromCharCode(...bytes));
  const base64url = base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [hex, hex.toUpperCase(), base64, base64url, [...bytes].join(',')];
}

const subtle = crypto.subtle;
const be32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getUint32(at, false);

/**
 * The raw keys of one backup file, derived with extractable WebCrypto keys from `password` (or a recovery key) and
 * the file's header — v1: the PBKDF2 output and the two HKDF keys; v2: the slot's key-encryption key, the file key
 * and the two HKDF keys (test/format/spec-reader.ts). Fails the test unless they verify the header MAC and open the
 * chunks, i.e. unless they are the keys the module really used.
 */
export async function deriveFileKeys(file: Uint8Array, password: string, recoveryKey?: string): Promise<Uint8Array[]> {
  if (new DataView(file.buffer, file.byteOffset).getUint16(8) === 2) {
    const results = [await readV2PerSpec(file, { password }).catch(() => undefined)];
    if (recoveryKey) results.push(await readV2PerSpec(file, { recoveryKey }));
    const found = results.filter((r) => r !== undefined);
    expect(found.length, 'the keys open the v2 file').to.be.greaterThan(0);
    return found.flatMap((r) => r.keys);
  }
  const iterations = be32(file, 12);
  const salt = file.slice(16, 32);
  const chunkBytes = be32(file, 32);
  const compressedBytes = be32(file, 44) * 2 ** 32 + be32(file, 48);
  const pw = await subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const ikm = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, pw, 256));
  const hkdfKey = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const expand = async (info: string) =>
    new Uint8Array(
      await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(info) }, hkdfKey, 256),
    );
  const macKey = await expand('dashboard-backup v1 header-mac');
  const payloadKey = await expand('dashboard-backup v1 payload');
  const hmac = await subtle.importKey('raw', macKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  expect(await subtle.verify('HMAC', hmac, file.slice(52, 84), file.slice(0, 52)), 'derived MAC key verifies the header').to.equal(true);
  const chunks = Math.max(1, Math.ceil(compressedBytes / chunkBytes));
  const iv = new Uint8Array(12);
  iv[11] = chunks === 1 ? 1 : 0;
  const aes = await subtle.importKey('raw', payloadKey, 'AES-GCM', false, ['decrypt']);
  const first = file.slice(88, 88 + Math.min(chunkBytes, compressedBytes) + 16);
  await subtle.decrypt({ name: 'AES-GCM', iv }, aes, first); // rejects unless payloadKey is the file's key
  return [ikm, macKey, payloadKey];
}
