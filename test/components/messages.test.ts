import { describe, it } from '../mocha.js';
import { expect } from '@open-wc/testing';
import { BackupError, FormatError, HttpError, ValidationError, type BackupErrorCode } from '../../src/errors.js';
import { HttpValidationError } from '../../src/api/errors.js';
import { ERROR_MESSAGES, UNKNOWN_ERROR_MESSAGE, describeError } from '../../components/shared/messages.js';

/** The modules whose errors reach the element: the front door, and through its imports every engine module. */
const ENTRY_MODULES = ['/src/index.ts', '/src/errors.ts', '/src/api/index.ts', '/src/format/index.ts', '/src/backup/index.ts'];

/**
 * Every error code the sources throw or test for by name, read from the modules as the dev server serves them
 * (esbuild output: double-quoted strings, imports rewritten to `.ts`), following relative imports under /src/.
 */
async function collectThrownCodes(): Promise<{ codes: Set<string>; modules: Set<string> }> {
  const codes = new Set<string>();
  const modules = new Set<string>();
  const queue = [...ENTRY_MODULES];
  const patterns = [
    /Error\(\s*"([A-Z][A-Z_]+)"/g, // new HttpError("SERVER", …), new BackupError("ABORTED", …)
    /isBackupError\([^,()]+,\s*"([A-Z][A-Z_]+)"/g, // isBackupError(error, "PLAN_CHANGED")
    /\bcode\s*(?:===|!==|:)\s*"([A-Z][A-Z_]+)"/g, // code === "NETWORK", { code: "ABORTED" }
  ];
  while (queue.length) {
    const path = queue.shift()!;
    if (modules.has(path)) continue;
    modules.add(path);
    const response = await fetch(path);
    expect(response.ok, `GET ${path}`).to.equal(true);
    const source = await response.text();
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) codes.add(m[1]!);
    for (const m of source.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.ts)"/g)) {
      const next = new URL(m[1]!, new URL(path, location.origin)).pathname;
      if (next.startsWith('/src/')) queue.push(next);
    }
  }
  return { codes, modules };
}

describe('error sentences (components/shared/messages.ts)', () => {
  it('has a sentence for every error code the engines, the client and the format throw', async () => {
    const { codes, modules } = await collectThrownCodes();
    // Not vacuous: the crawl reached the engines and found their codes.
    for (const dir of ['/src/api/', '/src/format/', '/src/backup/']) {
      expect([...modules].some((m) => m.startsWith(dir)), `crawled ${dir}`).to.equal(true);
    }
    expect(codes.size).to.be.greaterThan(15);
    const missing = [...codes].filter((code) => !Object.hasOwn(ERROR_MESSAGES, code)).sort();
    expect(missing, `codes thrown without a sentence: ${missing.join(', ')}`).to.deep.equal([]);
  });

  it('gives each code its own actionable sentence, never the fallback', () => {
    const entries = Object.entries(ERROR_MESSAGES) as [BackupErrorCode, string][];
    expect(entries.length).to.equal(38);
    const seen = new Map<string, string>();
    for (const [code, sentence] of entries) {
      expect(sentence, code).to.match(/^[A-Z].{20,}[.!]$/s);
      expect(sentence, code).to.not.equal(UNKNOWN_ERROR_MESSAGE);
      expect(sentence, `${code} says nothing a person can act on`).to.not.match(/^(an )?(unknown )?error( occurred)?\.?$/i);
      expect(seen.get(sentence), `${code} shares its sentence with ${seen.get(sentence)}`).to.equal(undefined);
      seen.set(sentence, code);
    }
  });

  it('maps every error class and code to its sentence, never echoing the engine’s own message', () => {
    const request = { method: 'POST', path: '/units/x/plugins', status: 500 };
    for (const code of Object.keys(ERROR_MESSAGES) as BackupErrorCode[]) {
      const raw = `engine text for ${code} with secret s3cr3t`;
      for (const error of [
        new BackupError(code, raw),
        new FormatError(code, raw),
        new HttpError(code, raw, request),
        new HttpValidationError(code, raw, request, []),
        new ValidationError(code, raw, []),
      ]) {
        expect(describeError(error), `${error.name} ${code}`).to.deep.equal({ code, message: ERROR_MESSAGES[code] });
      }
    }
  });

  it('says why an import stopped, before what to do about it', () => {
    const request = { method: 'PUT', path: '/units/x/keys/k', status: 500 };
    const stopped = (cause?: unknown) => new BackupError('IMPORT_INCOMPLETE', 'engine text', { cause });
    expect(describeError(stopped(new HttpError('SERVER', 'raw', request)))).to.deep.equal({
      code: 'IMPORT_INCOMPLETE',
      message: `${ERROR_MESSAGES.SERVER} ${ERROR_MESSAGES.IMPORT_INCOMPLETE}`,
    });
    expect(describeError(stopped(new HttpError('NETWORK', 'raw', { ...request, status: 0 }))).message).to.equal(
      `${ERROR_MESSAGES.NETWORK} ${ERROR_MESSAGES.IMPORT_INCOMPLETE}`,
    );
    // No cause, or one without a code of its own: the sentence alone.
    for (const cause of [undefined, new TypeError('Failed to fetch'), stopped()]) {
      expect(describeError(stopped(cause)).message).to.equal(ERROR_MESSAGES.IMPORT_INCOMPLETE);
    }
  });

  it('still says something a person can act on for a failure that is not a BackupError', () => {
    for (const error of [new TypeError('Failed to fetch'), new DOMException('quota', 'QuotaExceededError'), 'text', undefined]) {
      expect(describeError(error)).to.deep.equal({ code: 'UNKNOWN', message: UNKNOWN_ERROR_MESSAGE });
    }
    expect(UNKNOWN_ERROR_MESSAGE).to.match(/Reload the page and try again\.$/);
  });
});
