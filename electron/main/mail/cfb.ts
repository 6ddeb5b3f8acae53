// A check of an Outlook .msg's container (CFB: sectors, allocation tables, a directory tree) before
// msgreader reads it. msgreader follows sector chains and directory links until they end, pushing
// onto one array as it goes: a chain that loops back on itself grows that array until V8 aborts
// the whole process, which a worker's heap limits do not prevent. So every table msgreader walks
// is read here the way it reads them, and refused if any chain loops, the directory tree revisits
// an entry, a stream claims more bytes than the file has, or a count exceeds the file's sectors.

/** Raised for a .msg whose structure is damaged or loops; parse.ts words it for the user. */
export class CfbDamaged extends Error {
  override readonly name = 'CfbDamaged';
}

const END_OF_CHAIN = -2;
const FREE = -1;
const NO_INDEX = -1;
const ENTRY_BYTES = 128;
const HEADER_FAT_ENTRIES = 109;
const TYPE = { directory: 1, stream: 2, root: 5 } as const;

interface Entry {
  type: number;
  previous: number;
  next: number;
  child: number;
}

export function checkCfb(bytes: Uint8Array): void {
  if (bytes.length < 512) throw new CfbDamaged('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const int = (offset: number) => {
    if (offset < 0 || offset + 4 > bytes.length) throw new CfbDamaged('points past its end');
    return view.getInt32(offset, true);
  };
  const size = bytes[30] === 12 ? 4096 : 512;
  const perSector = size / 4;
  const sectors = Math.max(0, Math.floor(bytes.length / size) - 1);
  const fatCount = int(0x2c);
  const xfatCount = int(0x48);
  if (fatCount < 0 || fatCount > sectors || xfatCount < 0 || xfatCount > sectors) throw new CfbDamaged('counts beyond its size');

  const fat = fatSectors(int, fatCount, xfatCount, size, perSector);
  const next = (table: number[]) => (n: number) => {
    const sector = n < 0 ? undefined : table[Math.floor(n / perSector)];
    return sector === undefined ? END_OF_CHAIN : int((sector + 1) * size + 4 * (n % perSector));
  };
  const nextFat = next(fat);
  checkAcyclic(fat.length * perSector, nextFat);

  const miniFat: number[] = [];
  const miniCount = int(0x40);
  for (let i = 0, at = int(0x3c); i < miniCount && at && at !== END_OF_CHAIN; i++, at = nextFat(at)) miniFat.push(at);
  checkAcyclic(miniFat.length * perSector, next(miniFat));

  const entries: Entry[] = [];
  for (let at = int(0x30); at !== END_OF_CHAIN; at = nextFat(at)) {
    for (let i = 0; i < size / ENTRY_BYTES; i++) {
      const offset = (at + 1) * size + i * ENTRY_BYTES;
      if (offset < 0 || bytes.length < offset + 0x43) break;
      const type = bytes[offset + 0x42]!;
      if (type !== TYPE.directory && type !== TYPE.stream && type !== TYPE.root) {
        entries.push({ type, previous: NO_INDEX, next: NO_INDEX, child: NO_INDEX });
        continue;
      }
      const length = int(offset + 0x78);
      if (length < 0 || length > bytes.length) throw new CfbDamaged('a stream claims more than the file holds');
      entries.push({ type, previous: int(offset + 0x44), next: int(offset + 0x48), child: int(offset + 0x4c) });
    }
  }
  checkTree(entries);
}

/** The allocation table's sectors, listed as msgreader lists them (header, then the extension chain). */
function fatSectors(int: (offset: number) => number, fatCount: number, xfatCount: number, size: number, perSector: number): number[] {
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_FAT_ENTRIES); i++) fat.push(int(0x4c + 4 * i));
  let remaining = fatCount - fat.length;
  let at = int(0x44);
  for (let i = 0; i < xfatCount; i++) {
    const base = (at + 1) * size;
    const take = Math.min(remaining, perSector - 1);
    for (let j = 0; j < take; j++) {
      const sector = int(base + 4 * j);
      if (sector === FREE || sector === END_OF_CHAIN) break;
      fat.push(sector);
    }
    remaining -= take;
    at = int(base + 4 * (perSector - 1));
    if (at === FREE || at === END_OF_CHAIN) break;
  }
  return fat;
}

/** Every chain in a table of `count` entries ends: none loops back on itself. */
function checkAcyclic(count: number, next: (n: number) => number): void {
  const state = new Uint8Array(count); // 0 unseen, 1 on the chain being walked, 2 known to end
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    let n = start;
    while (n >= 0 && n < count && state[n] === 0) {
      state[n] = 1;
      path.push(n);
      n = next(n);
    }
    if (n >= 0 && n < count && state[n] === 1) throw new CfbDamaged('a sector chain loops');
    for (const p of path) state[p] = 2;
    path.length = 0;
  }
}

/** The directory tree from the root reaches each entry at most once, through links that exist. */
function checkTree(entries: Entry[]): void {
  const root = entries[0];
  if (!root) return;
  const seen = new Uint8Array(entries.length);
  seen[0] = 1;
  const parents: Entry[] = [root];
  while (parents.length) {
    const parent = parents.pop()!;
    if (parent.child === NO_INDEX) continue;
    const stack = [parent.child];
    while (stack.length) {
      const index = stack.pop()!;
      const entry = entries[index];
      if (!entry || seen[index]) throw new CfbDamaged('the directory tree loops');
      seen[index] = 1;
      if (entry.type === TYPE.directory) parents.push(entry);
      if (entry.next !== NO_INDEX) stack.push(entry.next);
      if (entry.previous !== NO_INDEX) stack.push(entry.previous);
    }
  }
}
