/**
 * The plugin dependency graph: plugin P depends on plugin Q when one of P's actions or portals is mapped to Q's
 * bundle. Used to decide which plugins are created without mappings (a provider later in the backup), to order
 * deletes (dependents first), and to find the cycles whose mappings a wipe clears first.
 */
import type { Plugin } from '../schemas.js';

/** Indices of the plugins each plugin depends on (providers present in `plugins`, itself included if it maps to itself). */
export function providerIndices(plugins: Pick<Plugin, 'bundle' | 'requirementMappings'>[]): number[][] {
  const index = new Map(plugins.map((p, i) => [p.bundle, i]));
  return plugins.map((p) => {
    const bundles = new Set([...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)]);
    return [...bundles].flatMap((b) => (index.has(b) ? [index.get(b)!] : []));
  });
}

/**
 * Indices of the plugins that lie on a cycle of mappings (a strongly connected component of two or more, or a
 * plugin mapped to itself). Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
 */
export function findCyclicPlugins(edges: number[][]): Set<number> {
  const n = edges.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const cyclic = new Set<number>();
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [node: number, next: number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const out = edges[v]!;
      if (i < out.length) {
        frame[1] = i + 1;
        const w = out[i]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] !== order[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges[v]!.includes(v)) for (const c of component) cyclic.add(c);
    }
  }
  return cyclic;
}
