// Proves what goes into the packaged app, offline: electron-builder's `dir` target with
// electronDist pointing at a stub (no Electron download), then a listing of app.asar.
// Fails if the dev-only harness, tests, tools, sources or node_modules are packed.
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const work = path.join(root, '.tmp', 'package-check');
const stub = path.join(work, 'electron-stub');
const output = path.join(work, 'out');
rmSync(work, { recursive: true, force: true });
mkdirSync(stub, { recursive: true });
// The stub carries a fuse wire laid out as in Electron's binary (sentinel, version 1, length,
// one byte per fuse), holding Electron's defaults, so electron-builder really flips it and
// this check reads back what it wrote.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electronDefaults = '10110001'; // RunAsNode, cookies, NODE_OPTIONS, inspect, asar integrity, asar only, v8, file
writeFileSync(
  path.join(stub, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub electron for package checks"\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, electronDefaults.length]),
    Buffer.from(electronDefaults),
  ]),
);
chmodSync(path.join(stub, 'electron'), 0o755);

const config = (JSON.parse(readFileSync('package.json', 'utf8')) as { build: Record<string, unknown> }).build;
await build({
  targets: Platform.LINUX.createTarget('dir'),
  config: { ...config, electronDist: stub, directories: { output } },
  publish: 'never',
});

const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
const problems: string[] = [];
for (const required of ['/dist/main/index.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/package.json']) {
  if (!files.includes(required)) problems.push(`missing ${required}`);
}
const forbidden = [/^\/tools\b/, /^\/test\b/, /harness/i, /^\/node_modules\b/, /\.tsx?$/, /^\/electron\//, /^\/renderer\//, /^\/shared\//];
for (const file of files) if (forbidden.some((re) => re.test(file))) problems.push(`should not be packaged: ${file}`);
const mainBundle = readFileSync(path.join(root, 'dist/main/index.cjs'), 'utf8');
if (/harness/i.test(mainBundle)) problems.push('dist/main/index.cjs mentions the harness');

const expectedFuses: Array<[FuseV1Options, 'ENABLE' | 'DISABLE']> = [
  [FuseV1Options.RunAsNode, 'DISABLE'],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, 'DISABLE'],
  [FuseV1Options.EnableNodeCliInspectArguments, 'DISABLE'],
  [FuseV1Options.EnableCookieEncryption, 'ENABLE'],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, 'ENABLE'],
  [FuseV1Options.OnlyLoadAppFromAsar, 'ENABLE'],
];
const wire = await getCurrentFuseWire(path.join(output, 'linux-unpacked', 'need-to-know'));
for (const [fuse, wanted] of expectedFuses) {
  const state = wire[fuse] === 49 ? 'ENABLE' : wire[fuse] === 48 ? 'DISABLE' : String(wire[fuse]);
  console.log(`fuse ${FuseV1Options[fuse]}: ${state}`);
  if (state !== wanted) problems.push(`fuse ${FuseV1Options[fuse]} is ${state}, should be ${wanted}`);
}

console.log(`app.asar holds ${files.length} entries:\n  ${files.join('\n  ')}`);
if (problems.length) {
  console.error(`Package check FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Package check passed: only built output is packed; the browser harness is not in the app.');
