import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/domain/rules-registry';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Rules whose function is tested but not yet called from the main process. Each id here is a
 * known gap that the casework work will close by wiring the rule into a service;
 * the second reachability test fails once an id here becomes wired, so delete it from the list then.
 *   R-CLS-4: checkCapacityUse is never called from main (material used outside its capacity).
 *   R-CLS-5: canShareBriefing is never called from main (briefings shared without permission).
 */
const PENDING_WIRING: string[] = [];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Titles of it/test/describe blocks (including it.each templates) across the whole test tree. */
function testTitles(): string[] {
  const titles: string[] = [];
  const pattern = /\b(?:it|test|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const file of testFiles(path.join(repo, 'test'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) titles.push(m[2]!);
  }
  return titles;
}

/** Resolves a relative import the way the bundler does (.ts, .tsx, folder index), or null. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every source file the main process loads, following relative imports from its entry points. */
export function reachableFromMain(entries = ['electron/main/index.ts', 'electron/main/core.ts']): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((e) => path.join(repo, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/** Where each exported value of shared/domain is defined: the file and its export name. */
async function domainExports(): Promise<Array<{ file: string; name: string; value: unknown }>> {
  const out: Array<{ file: string; name: string; value: unknown }> = [];
  for (const f of readdirSync(domainDir).filter((n) => n.endsWith('.ts') && n !== 'rules-registry.ts')) {
    const file = path.join(domainDir, f);
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) out.push({ file, name, value });
  }
  return out;
}

const domainDir = path.join(repo, 'shared/domain');
const parsed = new Map<string, ts.SourceFile>();
function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  if (!parsed.has(file)) parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return parsed.get(file)!;
}

/**
 * Assertion-style functions (declared `void`, `never` or `asserts`) do their work by throwing, so
 * a bare call is a real use. appendToRegister (R-DIS-4) is used the same way: the service calls it
 * to refuse a rewrite and then appends the entry it checked.
 */
const GUARD_CALLS_COUNT = new Set(['appendToRegister']);
function isGuard(definingFile: string, name: string): boolean {
  if (GUARD_CALLS_COUNT.has(name)) return true;
  const decl = parse(definingFile).statements.find(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name,
  );
  const returns = decl?.type?.getText() ?? '';
  return returns === 'void' || returns === 'never' || returns.startsWith('asserts');
}

/** The name of the top-level declaration a node sits in, or '' for module-level code. */
function topLevelName(node: ts.Node): string {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
  if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) return n.name.text;
  if (ts.isVariableStatement(n)) return n.declarationList.declarations.map((d) => d.name.getText()).join(',');
  return '';
}

/**
 * For each domain export `source` uses, the top-level declarations of `source` that use it, keyed
 * `definingFile#name`. A call whose result is thrown away (a bare `f(x);`) is no use unless the
 * function is a guard: the rule would then change nothing the user sees (R-DUE-5's holding reply).
 */
export function domainUses(source: ts.SourceFile): Map<string, Set<string>> {
  const file = source.fileName;
  const bound = new Map<string, { definingFile: string; name: string }>();
  const namespaces = new Map<string, string>();
  if (file.startsWith(domainDir + path.sep)) {
    for (const stmt of source.statements) {
      if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name)
        bound.set(stmt.name.text, { definingFile: file, name: stmt.name.text });
      if (ts.isVariableStatement(stmt))
        for (const d of stmt.declarationList.declarations)
          if (ts.isIdentifier(d.name)) bound.set(d.name.text, { definingFile: file, name: d.name.text });
    }
  }
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const definingFile = resolveImport(file, stmt.moduleSpecifier.text);
    if (!definingFile?.startsWith(domainDir + path.sep)) continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, definingFile);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) bound.set(el.name.text, { definingFile, name: (el.propertyName ?? el.name).text });
    }
  }
  const uses = new Map<string, Set<string>>();
  const record = (ref: ts.Node, definingFile: string, name: string) => {
    const call = ref.parent;
    if (call && ts.isCallExpression(call) && call.expression === ref && !isGuard(definingFile, name)) {
      let outer: ts.Node = call.parent;
      while (ts.isParenthesizedExpression(outer) || ts.isVoidExpression(outer) || ts.isAwaitExpression(outer)) outer = outer.parent;
      if (ts.isExpressionStatement(outer)) return;
    }
    const k = `${definingFile}#${name}`;
    if (!uses.has(k)) uses.set(k, new Set());
    uses.get(k)!.add(topLevelName(ref));
  };
  const isDeclarationName = (node: ts.Identifier) =>
    (ts.isFunctionDeclaration(node.parent) ||
      ts.isVariableDeclaration(node.parent) ||
      ts.isPropertyAssignment(node.parent) ||
      ts.isMethodDeclaration(node.parent) ||
      ts.isPropertyAccessExpression(node.parent) ||
      ts.isClassDeclaration(node.parent) ||
      ts.isPropertyDeclaration(node.parent)) &&
    (node.parent as { name?: ts.Node }).name === node;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && bound.has(node.text) && !isDeclarationName(node)) {
      const target = bound.get(node.text)!;
      record(node, target.definingFile, target.name);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) {
      record(node, namespaces.get(node.expression.text)!, node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/**
 * The rule ids whose implementing functions are not all put to use from `entries`: used by a file
 * they load outside shared/domain, or inside a shared/domain function that itself is.
 */
async function unwiredRules(): Promise<string[]> {
  const index = [...reachableFromMain()].map((file) => ({ file, uses: domainUses(parse(file)) }));
  const exports = await domainExports();
  const wiredKeys = new Set<string>();
  // Fixed point: a domain function is wired once non-domain code or a wired domain function uses it.
  for (let changed = true; changed;) {
    changed = false;
    for (const e of exports) {
      const k = `${e.file}#${e.name}`;
      if (wiredKeys.has(k)) continue;
      const used = index.some(({ file, uses }) => {
        const users = uses.get(k);
        if (!users?.size) return false;
        if (!file.startsWith(domainDir + path.sep)) return true;
        return [...users].some((u) => u.split(',').some((n) => n !== e.name && wiredKeys.has(`${file}#${n}`)));
      });
      if (used) {
        wiredKeys.add(k);
        changed = true;
      }
    }
  }
  const wired = new Set(exports.filter((e) => wiredKeys.has(`${e.file}#${e.name}`)).map((e) => e.value));
  return RULES.filter((rule) => {
    const parts = Array.isArray(rule.implementedBy) ? rule.implementedBy : [rule.implementedBy];
    return !parts.every((part) => wired.has(part));
  }).map((r) => r.id);
}

describe('the rules registry', () => {
  it('lists exactly the rule ids of docs/RULES.md', () => {
    const rulesMd = readFileSync(path.join(repo, 'docs/RULES.md'), 'utf8');
    const idsInDoc = [...new Set([...rulesMd.matchAll(/^\| (R-[A-Z]+-\d+) \|/gm)].map((m) => m[1]!))];
    expect(idsInDoc.length).toBeGreaterThan(25);
    expect(RULES.map((r) => r.id).sort()).toEqual(idsInDoc.sort());
  });

  it('names an implementation and sources for every rule', () => {
    for (const rule of RULES) {
      expect(rule.implementedBy, rule.id).toBeTruthy();
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('has at least one test whose title names each rule id', () => {
    const titles = testTitles();
    const untested = RULES.filter((rule) => !titles.some((t) => new RegExp(`\\b${rule.id}\\b`).test(t))).map((r) => r.id);
    expect(untested).toEqual([]);
  });

  it('each implementing source line names its R-id and protocol paragraph', () => {
    const source = readdirSync(domainDir)
      .filter((f) => f.endsWith('.ts') && f !== 'rules-registry.ts')
      .map((f) => readFileSync(path.join(domainDir, f), 'utf8'))
      .join('\n');
    const missing = RULES.filter((r) => !new RegExp(`//.*\\b${r.id}\\b`).test(source)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});

describe('the rules are wired into the main process', () => {
  it('follows imports from electron/main into services and shared/domain', () => {
    const reachable = reachableFromMain();
    expect(reachable.has(path.join(repo, 'electron/main/ipc/router.ts'))).toBe(true);
    expect(reachable.has(path.join(repo, 'shared/domain/disclosure.ts'))).toBe(true);
    // Tests are not the main process: a rule called only from a test is not wired.
    expect([...reachable].some((f) => f.startsWith(path.join(repo, 'test')))).toBe(false);
  });

  it('tells a used call from a call whose result is thrown away', () => {
    const key = `${path.join(domainDir, 'deadlines.ts')}#applyHoldingReply`;
    const probe = (body: string) =>
      domainUses(
        ts.createSourceFile(
          path.join(repo, 'electron/main/services/probe.ts'),
          `import { applyHoldingReply as ahr } from '../../../shared/domain/deadlines';\n${body}`,
          ts.ScriptTarget.Latest,
          true,
        ),
      );
    expect(probe('export function f() { ahr(a, b); }').get(key)).toBeUndefined();
    expect(probe('export function f() { void ahr(a, b); }').get(key)).toBeUndefined();
    expect([...probe('export function f() { const next = ahr(a, b); save(next); }').get(key)!]).toEqual(['f']);
    expect([...probe('export class S { m() { return ahr(a, b); } }').get(key)!]).toEqual(['S']);
  });

  it('every rule function is put to use by code reachable from electron/main (R-ids in PENDING_WIRING excepted)', async () => {
    const unwired = await unwiredRules();
    expect(unwired.filter((id) => !PENDING_WIRING.includes(id))).toEqual([]);
  });

  it('PENDING_WIRING names only rules that are still unwired (remove an id once it is wired)', async () => {
    const unwired = await unwiredRules();
    expect(PENDING_WIRING.filter((id) => !unwired.includes(id))).toEqual([]);
  });
});
