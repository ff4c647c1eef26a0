import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine's modules import each other without a cycle (order ← estimate ← rollout ← routing):
// read from the sources, every runtime import (`import type` and `export type` are erased).

const ENGINE = join(import.meta.dirname, '../../server/engine');

/** module → the engine modules it imports at run time. */
function engineImports(sources: ReadonlyMap<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [name, text] of sources) {
    const deps: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'\.\/([\w-]+)\.js'/gms)) {
      if (!m[1] && sources.has(m[2]!)) deps.push(m[2]!);
    }
    graph.set(name, deps);
  }
  return graph;
}

/** A cycle of the graph (its modules in import order, the first repeated at the end), or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (m: string): string[] | null => {
    const at = path.indexOf(m);
    if (at >= 0) return [...path.slice(at), m];
    if (done.has(m)) return null;
    path.push(m);
    for (const d of graph.get(m) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(m);
    return null;
  };
  for (const m of graph.keys()) {
    const cycle = visit(m);
    if (cycle) return cycle;
  }
  return null;
}

const readEngine = () =>
  new Map(
    readdirSync(ENGINE)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f.slice(0, -3), readFileSync(join(ENGINE, f), 'utf8')]),
  );

describe('the engine imports', () => {
  it('have no cycle', () => {
    expect(findCycle(engineImports(readEngine()))).toBeNull();
  });

  it('go order ← estimate ← rollout ← routing', () => {
    const graph = engineImports(readEngine());
    expect(graph.get('order')).not.toContain('estimate');
    expect(graph.get('estimate')).toContain('order');
    expect(graph.get('rollout')).toEqual(expect.arrayContaining(['estimate', 'order']));
    expect(graph.get('routing')).toEqual(expect.arrayContaining(['rollout', 'order']));
  });

  it('finds a cycle through a multi-line import, and none through an import type', () => {
    const sources = new Map([
      ['a', "import {\n  x,\n  y,\n} from './b.js';"],
      ['b', "import type { A } from './a.js';\nexport { z } from './c.js';"],
      ['c', "import { x } from './a.js';"],
    ]);
    expect(findCycle(engineImports(sources))).toEqual(['a', 'b', 'c', 'a']);
    sources.set('c', "import type { x } from './a.js';");
    expect(findCycle(engineImports(sources))).toBeNull();
  });
});
