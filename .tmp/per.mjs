import { build } from 'esbuild';
import { STANDALONE_OPTIONS, ENTRY_POINTS } from '/work/wt-bundle/scripts/esbuild-shared.mjs';
import { gzipSync } from 'node:zlib';
for (const only of Object.keys(ENTRY_POINTS)) {
const r = await build({ ...STANDALONE_OPTIONS, entryPoints: { [only]: ENTRY_POINTS[only] }, write: false, metafile: true });
const out = new Map(r.outputFiles.map(f=>[f.path, f.contents]));
const m = r.metafile;
function first(o, seen=new Set()){ if(seen.has(o)) return []; seen.add(o); return [o, ...m.outputs[o].imports.filter(i=>i.kind==='import-statement').flatMap(i=>first(i.path, seen))]; }
const files = first(`dist/standalone/${only}.min.js`);
let sum=0; for (const f of files) sum+=gzipSync(out.get(process.cwd()+'/'+f),{level:9}).length;
let all=0; for (const f of Object.keys(m.outputs)) all+=gzipSync(out.get(process.cwd()+'/'+f),{level:9}).length;
console.log(only, 'first', files.length, (sum/1024).toFixed(1), 'all', Object.keys(m.outputs).length, (all/1024).toFixed(1));
}
