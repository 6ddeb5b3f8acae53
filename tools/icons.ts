// `npm run icons`: draws every application icon from the one source, build/icon.svg, so the
// Windows, macOS and Linux icons never drift apart. Dev-only; the outputs are committed.
// Chromium (the same one the browser tests use) rasterises the SVG; the PNG files it returns are
// wrapped by hand in the two container formats, which are simple:
//   .ico  (Windows): a 6-byte header, one 16-byte entry per size, then each image as a PNG.
//   .icns (macOS):   'icns' + total length, then per size a 4-char type, length, and a PNG.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = process.cwd();
const buildDir = path.join(root, 'build');
const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS types that hold PNG data, by pixel size (icp4–icp6 since macOS 10.7, ic07–ic10 since 10.5/10.7). */
export const ICNS_TYPES: Array<[string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

export function icoFile(pngs: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width; 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

export function icnsFile(chunks: Array<{ type: string; png: Buffer }>): Buffer {
  const parts = chunks.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Width and height from a PNG's IHDR, to check what was written. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function render(sizes: number[]): Promise<Map<number, Buffer>> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: install Debian `chromium` or set CHROMIUM_PATH');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out = new Map<number, Buffer>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const sizes = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s), ...LINUX_SIZES])].sort((a, b) => a - b);
  const png = await render(sizes);
  const get = (size: number) => png.get(size)!;
  // electron-builder: build/icon.png (Linux, and the source for anything missing), .ico, .icns.
  writeFileSync(path.join(buildDir, 'icon.png'), get(1024));
  writeFileSync(path.join(buildDir, 'icon.ico'), icoFile(ICO_SIZES.map((size) => ({ size, png: get(size) }))));
  writeFileSync(path.join(buildDir, 'icon.icns'), icnsFile(ICNS_TYPES.map(([type, size]) => ({ type, png: get(size) }))));
  // Linux desktop entries pick the nearest size from build/icons/<w>x<h>.png.
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), get(size));
  for (const [size, data] of png) {
    const { width, height } = pngSize(data);
    if (width !== size || height !== size) throw new Error(`rendered ${width}x${height} for ${size}`);
  }
  console.log(`Icons written to build/ from build/icon.svg: ${sizes.join(', ')} px.`);
}
