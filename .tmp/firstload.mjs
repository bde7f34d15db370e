import { build } from 'esbuild';
import { STANDALONE_OPTIONS } from '/work/wt-bundle/scripts/esbuild-shared.mjs';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2] ?? 'dashboard-backup';
const r = await build({ ...STANDALONE_OPTIONS, write: false, metafile: true });
const out = new Map(r.outputFiles.map(f=>[f.path, f.contents]));
const m = r.metafile;
function first(o, seen=new Set()){ if(seen.has(o)) return []; seen.add(o); return [o, ...m.outputs[o].imports.filter(i=>i.kind==='import-statement').flatMap(i=>first(i.path, seen))]; }
const files = first(`dist/standalone/${entry}.min.js`);
let sum=0; const inputs=new Map();
for (const f of files) { const g=gzipSync(out.get(process.cwd()+'/'+f),{level:9}).length; sum+=g; console.log(f,(g/1024).toFixed(1));
  for (const [p,{bytesInOutput}] of Object.entries(m.outputs[f].inputs)) { const k = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? p; inputs.set(k,(inputs.get(k)??0)+bytesInOutput); } }
console.log('SUM gz', (sum/1024).toFixed(1));
for (const [k,v] of [...inputs].sort((a,b)=>b[1]-a[1]).slice(0, +(process.argv[3] ?? 60))) console.log((v/1024).toFixed(1).padStart(6), k);
