import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/domain/rules-registry';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

describe('the rules registry', () => {
  it('lists exactly the rule ids of RULES.md', () => {
    const rulesMd = readFileSync(path.resolve(repo, '../shared/RULES.md'), 'utf8');
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
    const domainDir = path.join(repo, 'shared/domain');
    const source = readdirSync(domainDir)
      .filter((f) => f.endsWith('.ts') && f !== 'rules-registry.ts')
      .map((f) => readFileSync(path.join(domainDir, f), 'utf8'))
      .join('\n');
    const missing = RULES.filter((r) => !new RegExp(`//.*\\b${r.id}\\b`).test(source)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
