/**
 * The layers of DESIGN.md §6, read from the code's own imports (type-only and dynamic imports
 * included): text/ imports nothing else of server/, domain/ imports only text/, and no folder imports
 * a folder that imports it back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'server';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|mjs)$/.test(name) ? [p] : [];
  });
}

const SPEC = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The room of a file: its first folder under server/, or the file itself when it sits in server/. */
export function roomOf(file: string): string {
  const rel = relative(ROOT, file).split(/[\\/]/);
  return rel.length === 1 ? rel[0]! : `${rel[0]}/`;
}

export function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(SPEC)].map((m) => normalize(join(dirname(file), m[1]!)));
}

/** Room → the rooms it imports (inside server/ only). */
export function roomGraph(files: { file: string; text: string }[]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const { file, text } of files) {
    const from = roomOf(file);
    const to = g.get(from) ?? new Set<string>();
    g.set(from, to);
    for (const target of importsOf(file, text)) {
      if (!target.startsWith(`${ROOT}/`) && target !== ROOT) continue;
      const room = roomOf(target);
      if (room !== from) to.add(room);
    }
  }
  return g;
}

/** Strongly connected components with more than one room: the import circles. */
export function circles(g: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const files = sourceFiles(ROOT).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const graph = roomGraph(files);

describe('the layers of server/', () => {
  it('finds the circle when two folders import each other (the checker itself)', () => {
    const g = roomGraph([
      { file: 'server/a/x.ts', text: "import type { Y } from '../b/y.js';" },
      { file: 'server/b/y.ts', text: "export const y = await import('../a/x.js');" },
      { file: 'server/c.ts', text: "import { x } from './a/x.js';" },
    ]);
    expect(circles(g)).toEqual([['a/', 'b/']]);
  });

  it('has no folder-level import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('text/ imports nothing else of server/', () => {
    expect([...(graph.get('text/') ?? [])]).toEqual([]);
  });

  it('domain/ imports only text/', () => {
    expect([...(graph.get('domain/') ?? [])].filter((r) => r !== 'text/')).toEqual([]);
  });

  it('only index.ts builds the app from the composition root; nothing below http/ imports app.ts or deps.ts at run time', () => {
    const offenders = files.filter(
      ({ file, text }) =>
        !['index.ts', 'app.ts'].includes(roomOf(file)) &&
        roomOf(file) !== 'http/' &&
        importsOf(file, text).some((t) => t === 'server/app.js' || t === 'server/deps.js'),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });
});
