import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mainDir = path.join(repo, 'electron/main');
const vaultDir = path.join(mainDir, 'vault');
/** The one file outside the vault allowed to write records and audit entries. */
const DOOR = path.join(mainDir, 'services/records-repository.ts');
/**
 * The vault session's record methods: a record written or removed, an audit entry appended (what sync
 * will replicate), and a record or audit trail read (where the schema and tier checks are made).
 */
const WRITES = new Set(['put', 'delete', 'appendAudit']);
const READS = new Set(['get', 'list', 'iterate', 'forEachEntry', 'sealedIds', 'auditTrail', 'authorOf']);
const DOOR_METHODS = new Set([...WRITES, ...READS]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const compilerOptions = (): ts.CompilerOptions => {
  const configFile = path.join(repo, 'tsconfig.electron.json');
  const config = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  // No package types (@types/*, electron.d.ts): the session's methods are the project's own code, and
  // leaving the packages' declarations unread makes the scan several times faster.
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, repo).options, noEmit: true, types: [] };
};

/** Whether a symbol is one of VaultSession's record methods (declared in the vault, however it was reached). */
function isSessionWrite(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): boolean {
  let s = symbol;
  if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
  return (s?.declarations ?? []).some((d) => {
    const owner = d.parent;
    return (
      ts.isMethodDeclaration(d) &&
      DOOR_METHODS.has(d.name.getText()) &&
      ts.isClassDeclaration(owner) &&
      owner.name?.text === 'VaultSession' &&
      // Declared anywhere in the vault's folder (the class lives in one of its files, whichever).
      path.resolve(d.getSourceFile().fileName).startsWith(vaultDir + path.sep)
    );
  });
}

/**
 * Every use, in `files`, of the vault session's record methods (DOOR_METHODS): a call, a reference passed on
 * (`vault.put.bind`), an element access (`vault['put']`) or a destructured binding (`const { put } = vault`).
 * Resolved by the type checker, so a session under any variable name or type alias is found.
 */
export function vaultWrites(program: ts.Program, files: string[]): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      // Only names a write could have are resolved: asking the checker about every access takes minutes.
      const named = (n: ts.Node) => (ts.isIdentifier(n) || ts.isStringLiteralLike(n)) && DOOR_METHODS.has(n.text);
      let symbol: ts.Symbol | undefined;
      if (ts.isPropertyAccessExpression(node) && named(node.name)) symbol = checker.getSymbolAtLocation(node.name);
      else if (ts.isElementAccessExpression(node) && named(node.argumentExpression))
        symbol = checker.getSymbolAtLocation(node.argumentExpression);
      else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && named(node.propertyName ?? node.name))
        // The name bound is a new local: the property it came from is found on the destructured value's type.
        symbol = checker.getTypeAtLocation(node.parent).getProperty((node.propertyName ?? node.name).getText());
      if (symbol) {
        if (isSessionWrite(checker, symbol)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${path.relative(repo, file)}:${line + 1}: ${node.getText().slice(0, 80)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The main process's files that must use the records repository: all but the repository and the vault itself. */
const outsideTheDoor = () => sourceFiles(mainDir).filter((f) => f !== DOOR && !f.startsWith(vaultDir + path.sep));

/** A file that is never on disk: seen only by the scan's compiler, to prove the scan reports what it should. */
const PLANTED = path.join(mainDir, 'services/planted-door.ts');
const PLANTED_TEXT = [
  "import type { VaultSession } from '../vault';",
  "import type { OpenVault } from './vault-gateway';",
  'type Alias = VaultSession;',
  'export function sneak(open: OpenVault, s: Alias, m: Map<string, string>) {',
  "  open.records.put({ id: 'x', tier: 'shared', type: 'request', data: {} });",
  "  s.appendAudit({ recordId: 'x', action: 'a', tier: 'shared', detail: {} });",
  "  const rm = s['delete'];",
  '  const { put } = s;',
  "  m.delete('not the vault');",
  '  return [rm, put, s.get, s.list];',
  '}',
].join('\n');

function programWithPlanted(roots: string[]): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const real = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.getSourceFile = (name, version, ...rest) =>
    path.resolve(name) === PLANTED ? ts.createSourceFile(name, PLANTED_TEXT, version, true) : real.getSourceFile(name, version, ...rest);
  // Packages resolve to nothing (their imports are typed any); TypeScript's own lib files are kept.
  const isPackage = (name: string) =>
    name.includes(`${path.sep}node_modules${path.sep}`) && !name.includes(`${path.sep}typescript${path.sep}lib${path.sep}`);
  host.fileExists = (name) => path.resolve(name) === PLANTED || (!isPackage(name) && real.fileExists(name));
  host.readFile = (name) => (path.resolve(name) === PLANTED ? PLANTED_TEXT : real.readFile(name));
  return ts.createProgram([...roots, PLANTED], options, host);
}

describe('one door to the vault', () => {
  const files = outsideTheDoor();
  let program: ts.Program;
  beforeAll(() => {
    program = programWithPlanted([...files, DOOR]);
  }, 120_000);

  it('nothing in main outside the records repository (and the vault) reads, writes, removes or audits records through the vault session', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(vaultWrites(program, files)).toEqual([]);
  }, 60_000);

  it('the repository itself is seen writing (the scan finds real calls)', () => {
    const writes = vaultWrites(program, [DOOR]);
    expect(writes.some((w) => /records-repository\.ts:\d+: vault\.put$/.test(w))).toBe(true);
    expect(writes.some((w) => /appendAudit/.test(w))).toBe(true);
  });

  it('reports the file and line of each planted call, however the session is reached', () => {
    expect(vaultWrites(program, [PLANTED])).toEqual([
      'electron/main/services/planted-door.ts:5: open.records.put',
      'electron/main/services/planted-door.ts:6: s.appendAudit',
      "electron/main/services/planted-door.ts:7: s['delete']",
      'electron/main/services/planted-door.ts:8: put',
      'electron/main/services/planted-door.ts:10: s.get',
      'electron/main/services/planted-door.ts:10: s.list',
    ]);
  });
});
