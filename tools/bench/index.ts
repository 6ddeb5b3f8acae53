// `npm run bench`: prints a table per section and writes bench/results.json (git-ignored).
// Sections: vault, app and mail (docs/BENCHMARKS.md). `--only vault|app|mail` runs one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runVaultBench } from './vault';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const resultsFile = 'bench/results.json';
const results: Record<string, unknown> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};

function table(rows: Array<Record<string, unknown>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  console.log(columns.map((c) => c.padStart(width(c))).join('  '));
  for (const row of rows) console.log(columns.map((c) => String(row[c]).padStart(width(c))).join('  '));
}

if (!only || only === 'vault') {
  const vault = runVaultBench();
  results.vault = vault;
  console.log('\nVault (times in ms, memory in MB; baseline = one encrypted electron-store/conf file rewritten per save)');
  table(vault as unknown as Array<Record<string, unknown>>);
  const small = vault[0]!;
  const large = vault.at(-1)!;
  console.log(
    `\nsave p99 at ${large.records}: ${large.save_p99_ms} ms (target <= 10, and <= 2x the ${small.records} figure ${small.save_p99_ms} ms: ratio ${(large.save_p99_ms / small.save_p99_ms).toFixed(2)}); ` +
      `unlock excl. KDF ${large.unlock_load_ms} ms (target <= 1500); RSS ${large.rss_mb} MB (target <= 300); baseline save p99 ${large.baseline_save_p99_ms} ms.`,
  );
}

if (!only || only === 'app') {
  const appBench = new URL('./app.ts', import.meta.url);
  if (existsSync(appBench)) {
    const { runAppBench } = (await import(appBench.href)) as { runAppBench: () => Promise<Array<Record<string, unknown>>> };
    const app = await runAppBench();
    results.app = app;
    console.log('\nApp in Chromium through the harness (ms)');
    table(app);
  }
}

if (!only || only === 'mail') {
  const { runMailBench } = await import('./mail');
  const mail = await runMailBench();
  results.mail = mail;
  console.log('\nOfficers’ email: import through the core (parse, match, seal) and matching (ms, MB)');
  table(mail);
}

mkdirSync('bench', { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${resultsFile}`);
