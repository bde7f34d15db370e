// custom-elements.json (`cem analyze`, run by scripts/build.mjs): what an embedder can use, named as it is shipped.
// The analyzer sees components/*/*.ts; this plugin rewrites its output at the end (packageLinkPhase):
//  - only the package's entries stay, each under the shipped file that defines it (dist/dashboard-backup.js,
//    dist/backup-inspector.js): the panels and inspector parts are internal (shadow DOM, not exported by any entry)
//    and left out, as the analyzer itself does for `@internal`; helper modules have no elements;
//  - a property whose default is a named constant gets the constant's value and type (reloadDelay: number, 3000);
//  - a type named by an alias no entry exports is spelled out (ReloadHook);
//  - re-exports of types (`./events.js`) name no shipped module: left out (their declarations are in dist/types/).
const ENTRIES = {
  'components/dashboard-backup/dashboard-backup.ts': 'dist/dashboard-backup.js',
  'components/backup-inspector/backup-inspector.ts': 'dist/backup-inspector.js',
};

/** Type aliases the entries do not export, as an IDE should show them. */
const UNEXPORTED_ALIASES = { ReloadHook: '(() => void) | false' };

function shippedManifestPlugin() {
  return {
    name: 'dashboard-backup:shipped-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const constants = new Map(
        manifest.modules
          .flatMap((m) => m.declarations ?? [])
          .filter((d) => d.kind === 'variable' && d.default !== undefined)
          .map((d) => [d.name, d]),
      );
      manifest.modules = manifest.modules.filter((m) => ENTRIES[m.path]);
      for (const module of manifest.modules) {
        const source = module.path;
        module.path = ENTRIES[source];
        for (const declaration of module.declarations ?? []) {
          for (const member of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            for (const [alias, text] of Object.entries(UNEXPORTED_ALIASES)) {
              if (member.type?.text) member.type.text = member.type.text.replace(new RegExp(`\\b${alias}\\b`, 'g'), text);
            }
            const constant = constants.get(member.default);
            if (!constant) continue;
            member.default = constant.default;
            member.type ??= constant.type ?? { text: typeof JSON.parse(constant.default) };
          }
        }
        module.exports = (module.exports ?? [])
          .filter((e) => e.declaration.module === source)
          .map((e) => ({ ...e, declaration: { ...e.declaration, module: module.path } }));
      }
    },
  };
}

export default {
  globs: ['components/*/*.ts'],
  exclude: ['components/*/*.styles.ts'],
  litelement: true,
  plugins: [shippedManifestPlugin()],
};
