// Fails (exit 1) when src/version.ts's APP_VERSION disagrees with package.json's "version".
// The version is a literal in the source because browsers cannot import package.json portably; this keeps the two
// in step. Run by scripts/build.mjs; usable on its own: `node scripts/check-version.mjs`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);

/** Returns `{ ok, packageVersion, sourceVersion }`. */
export async function checkVersion() {
  const { version: packageVersion } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const source = await readFile(new URL('src/version.ts', root), 'utf8');
  const sourceVersion = /export const APP_VERSION = '([^']*)';/.exec(source)?.[1];
  return { ok: sourceVersion === packageVersion, packageVersion, sourceVersion };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ok, packageVersion, sourceVersion } = await checkVersion();
  if (!ok) {
    console.error(
      `src/version.ts has APP_VERSION ${JSON.stringify(sourceVersion)} but package.json has version ` +
        `${JSON.stringify(packageVersion)}: update src/version.ts.`,
    );
    process.exit(1);
  }
  console.log(`version ${packageVersion}: src/version.ts matches package.json`);
}
