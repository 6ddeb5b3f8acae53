// Rollback and truncation (docs/ARCHITECTURE.md, "Rollback checkpoint"): after each of the Member's saves the vault
// records where its chain ends (generation, last sequence number, head hash, date), MACed with a
// key only the Member holds, OUTSIDE the data folder (the OS key store where the app has one,
// else the settings store). A vault found behind it opens only with a warning naming what is missing.
import { equalBytes, hmacUnder } from './crypto';

/** Where checkpoints are kept, one per vault; injected (safeStorage-backed, settings-backed, or in memory in tests). */
export interface CheckpointStore {
  read(vaultId: string): string | null;
  write(vaultId: string, value: string): void;
}

export interface Checkpoint {
  generation: number;
  lastSeq: number;
  head: string;
  /** ISO time of the save it records. */
  at: string;
  /** Header format the vault had: a vault found in an older format was downgraded. */
  format: number;
  /** The shared key's epoch: a header found at an earlier one was put back (a removed PA let in again). */
  epoch?: number;
}

export function memoryCheckpointStore(): CheckpointStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, read: (id) => values.get(id) ?? null, write: (id, v) => void values.set(id, v) };
}

// Checkpoints written before the epoch was recorded have none, and their MAC leaves it out.
const macOf = (memberKey: Buffer, vaultId: string, c: Checkpoint) =>
  hmacUnder(
    memberKey,
    'checkpoint',
    `${vaultId}|${c.generation}|${c.lastSeq}|${c.head}|${c.at}|${c.format}${c.epoch === undefined ? '' : `|${c.epoch}`}`,
  );

export function encodeCheckpoint(memberKey: Buffer, vaultId: string, c: Checkpoint): string {
  return JSON.stringify({ ...c, mac: macOf(memberKey, vaultId, c).toString('hex') });
}

/** The checkpoint, 'altered' when its Member MAC fails, or null when there is none. */
export function decodeCheckpoint(memberKey: Buffer, vaultId: string, value: string | null): Checkpoint | 'altered' | null {
  if (value === null) return null;
  try {
    const raw = JSON.parse(value) as Checkpoint & { mac: string };
    const c: Checkpoint = {
      generation: Number(raw.generation),
      lastSeq: Number(raw.lastSeq),
      head: String(raw.head),
      at: String(raw.at),
      format: Number(raw.format),
      ...(raw.epoch === undefined ? {} : { epoch: Number(raw.epoch) }),
    };
    return equalBytes(macOf(memberKey, vaultId, c), Buffer.from(String(raw.mac), 'hex')) ? c : 'altered';
  } catch {
    return 'altered';
  }
}

/** dd/mm/yyyy in the UK, as every date the user sees. */
export const ukDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
