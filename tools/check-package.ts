// Proves what goes into the packaged app, offline: electron-builder's `dir` target with
// electronDist pointing at a stub (no Electron download), then a listing of app.asar.
// Fails if the dev-only harness, tests, tools, sources or node_modules are packed, or if
// electron-builder does not resolve the application icons drawn in build/ (npm run icons).
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ICNS_TYPES, ICO_SIZES, pngSize } from './icons';

interface IconInfo {
  file: string;
  size: number;
}
interface IconResolver {
  resolveIcon(sources: string[], fallbackSources: string[], outputFormat: 'set' | 'ico' | 'icns'): Promise<IconInfo[]>;
}

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

type PlatformConfig = { icon?: string };
const config = (
  JSON.parse(readFileSync('package.json', 'utf8')) as {
    build: Record<string, unknown> & { win: PlatformConfig; mac: PlatformConfig; linux: PlatformConfig };
  }
).build;
const problems: string[] = [];

// Ask electron-builder itself, after packing, which icons it resolves for each platform from
// the config (the same resolver its Linux, Windows and macOS targets call).
const resolvedIcons: Record<string, IconInfo[]> = {};
const requireBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { LinuxTargetHelper } = requireBuilder('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: unknown) => { icons: Promise<IconInfo[]> };
};
await build({
  targets: Platform.LINUX.createTarget('dir'),
  config: {
    ...config,
    electronDist: stub,
    directories: { ...(config.directories as object), output },
    afterPack: async (context) => {
      const packager = context.packager as unknown as IconResolver;
      resolvedIcons.linux = await new LinuxTargetHelper(context.packager).icons;
      resolvedIcons.win = await packager.resolveIcon([config.win.icon!], [], 'ico');
      resolvedIcons.mac = await packager.resolveIcon([config.mac.icon!], [], 'icns');
    },
  },
  publish: 'never',
});

// The icons: one source (build/icon.svg), the generated files present and well-formed, and
// electron-builder resolving each platform's icon to them rather than its default Electron icon.
const buildDir = path.join(root, 'build');
for (const file of ['icon.svg', 'icon.png', 'icon.ico', 'icon.icns']) {
  if (!existsSync(path.join(buildDir, file))) problems.push(`missing build/${file} (run npm run icons)`);
}
for (const [platform, icon] of [
  ['win', config.win.icon],
  ['mac', config.mac.icon],
  ['linux', config.linux.icon],
] as const) {
  if (!icon || !existsSync(path.join(root, icon))) problems.push(`build.${platform}.icon does not name a file in build/: ${icon}`);
}
if (existsSync(path.join(buildDir, 'icon.ico'))) {
  const ico = readFileSync(path.join(buildDir, 'icon.ico'));
  const count = ico.readUInt16LE(4);
  const sizes = Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const png = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
    return pngSize(png).width;
  });
  if (ico.readUInt16LE(2) !== 1 || sizes.join() !== ICO_SIZES.join())
    problems.push(`build/icon.ico holds ${sizes.join(', ')} px, expected ${ICO_SIZES.join(', ')}`);
}
if (existsSync(path.join(buildDir, 'icon.icns'))) {
  const icns = readFileSync(path.join(buildDir, 'icon.icns'));
  const found: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    found.push(`${icns.subarray(at, at + 4).toString('ascii')}:${pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width}`);
  }
  const expected = ICNS_TYPES.map(([type, size]) => `${type}:${size}`);
  if (icns.subarray(0, 4).toString('ascii') !== 'icns' || icns.readUInt32BE(4) !== icns.length || found.join() !== expected.join())
    problems.push(`build/icon.icns holds ${found.join(', ')}, expected ${expected.join(', ')}`);
}
const inBuild = (icons: IconInfo[] | undefined) =>
  !!icons?.length && icons.every((i) => path.resolve(i.file).startsWith(buildDir + path.sep) || i.file.includes(`${path.sep}.icon-`));
for (const platform of ['linux', 'win', 'mac']) {
  const icons = resolvedIcons[platform];
  console.log(
    `electron-builder ${platform} icons: ${(icons ?? []).map((i) => `${path.relative(root, i.file)} (${i.size} px)`).join(', ')}`,
  );
  if (!inBuild(icons)) problems.push(`electron-builder does not resolve the ${platform} icon to build/`);
}
if (!resolvedIcons.linux?.some((i) => i.size === 1024) || !resolvedIcons.linux?.some((i) => i.size === 512))
  problems.push('the Linux icon set lacks 512 or 1024 px');

const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
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
