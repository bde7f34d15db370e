import { build } from 'esbuild';
import { STANDALONE_OPTIONS, ENTRY_POINTS } from '/work/wt-bundle/scripts/esbuild-shared.mjs';
const only = process.argv[2];
const r = await build({ ...STANDALONE_OPTIONS, entryPoints: only ? { [only]: ENTRY_POINTS[only] } : ENTRY_POINTS, write: false, metafile: true });
const m = r.metafile;
function first(o, seen=new Set()){ if(seen.has(o)) return []; seen.add(o); return [o, ...m.outputs[o].imports.filter(i=>i.kind==='import-statement').flatMap(i=>first(i.path, seen))]; }
const files = first(`dist/standalone/${only ?? 'dashboard-backup'}.min.js`);
for (const f of files) console.log(f, Object.keys(m.outputs[f].inputs).filter(k=>!k.includes('node_modules')).join(' '));
// who imports src/backup/resume.ts in inputs
const target = process.argv[3] ?? 'src/backup/resume.ts';
for (const [p, meta] of Object.entries(m.inputs)) if (meta.imports.some(i=>i.path===target)) console.log('imported by', p);
