// The source's import graph, for the cycle test: every import, `import type`, export-from and
// `import()` of a relative path, resolved to a file. TypeScript's own pre-processor finds them,
// so imports inside comments or strings are not counted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Edges from each file (repository-relative, forward slashes) to the files it imports. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The relative specifiers a file imports or re-exports, type-only ones included. */
export function relativeImports(sourceText: string): string[] {
  const { importedFiles } = ts.preProcessFile(sourceText, true, true);
  return importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('./') || name.startsWith('../'));
}

/** The source file a specifier names from `fromFile`, or null when it names none (a stylesheet, say). */
export function resolveImport(fromFile: string, specifier: string, exists: (file: string) => boolean): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (SOURCE.test(candidate) && exists(candidate)) return candidate;
  }
  return null;
}

/** The graph of in-memory sources: file name to its text. */
export function graphOf(sources: Map<string, string>): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [file, text] of sources) {
    const targets = relativeImports(text)
      .map((spec) => resolveImport(file, spec, (f) => sources.has(f)))
      .filter((f): f is string => f !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every .ts and .tsx file under the given folders of the repository, read into memory. */
export function readSources(repo: string, folders: string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(repo, relative))) {
      const child = `${relative}/${entry}`;
      if (statSync(path.join(repo, child)).isDirectory()) walk(child);
      else if (SOURCE.test(entry)) sources.set(child, readFileSync(path.join(repo, child), 'utf8'));
    }
  };
  for (const folder of folders) if (existsSync(path.join(repo, folder))) walk(folder);
  return sources;
}

/** The strongly connected components with more than one file, or one file importing itself (Tarjan). */
export function cycleGroups(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One concrete cycle through a group, to name it: its first file, round and back (shortest path). */
export function cyclePath(graph: ImportGraph, group: string[]): string[] {
  const members = new Set(group);
  const start = group[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const route = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) route.splice(1, 0, at);
        return [...route, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
