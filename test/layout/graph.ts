import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The import graph of src/, read with the TypeScript compiler's own pre-processor (static, dynamic and type imports).

export const ROOT = path.resolve(__dirname, '../..');
export const SRC = path.join(ROOT, 'src');

/** Every .ts file under `dir`, as paths relative to ROOT with '/' separators. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules') continue; // bench/peer installs its own packages (issue 15): not project files
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The project files `file` imports (relative specifiers resolved; packages left out). */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(path.join(ROOT, path.dirname(file)), s))
    .filter((f): f is string => f !== null);
}

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(from, specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(ROOT, candidate).split(path.sep).join('/');
  }
  return null;
}

export type Graph = Map<string, string[]>;

export function importGraph(files: string[]): Graph {
  return new Map(files.map((f) => [f, importsOf(f)]));
}

/** Strongly connected components with more than one member, or a member importing itself (Tarjan). */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

/** The graph between units (see unitOf), without a unit's imports of itself. */
export function unitGraph(graph: Graph, unitOf: (file: string) => string): Graph {
  const units = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = unitOf(file);
    if (!units.has(from)) units.set(from, new Set());
    for (const target of imports) {
      const to = unitOf(target);
      if (to !== from) units.get(from)!.add(to);
    }
  }
  return new Map([...units].map(([u, s]) => [u, [...s].sort()]));
}
