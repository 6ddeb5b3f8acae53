/**
 * Every kind of record kept in the vault, written once. The records repository in main maps each
 * aggregate to one of these; the vault uses `memberWrittenTypes` to refuse any frame of these types
 * that is not authenticated with a key only the Member holds (R-USE-2, R-DIS-4).
 */
export const RECORD_TYPES = [
  'request',
  'material',
  'officer',
  'meeting',
  'disclosure',
  'register-entry',
  'request-index',
  'council-settings',
  'council-profile',
  'arrival',
  'correspondence',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * Record types only the Member may write: a PA (or anyone holding only the shared key) can never
 * create, change or remove them. R-DIS-4: the register cannot be rewritten; R-DIS-3: a disclosure's
 * approval is the Member's; council settings carry the rules (profile in force, holidays).
 */
export const MEMBER_WRITTEN_TYPES: ReadonlySet<RecordType> = new Set<RecordType>([
  'disclosure',
  'register-entry',
  'council-settings',
  'council-profile',
]);

/** The Member's request index and its search words: Member-only, decided by id (the PA's index is shared). */
export const isMemberIndexId = (id: string | undefined): boolean => id === 'request-index:member' || id === 'request-index:member:words';

/** Whether only the Member may write a record of this type (the Member's request index is decided by id). */
export function isMemberWritten(type: string, id?: string): boolean {
  if (type === 'request-index') return isMemberIndexId(id);
  return (MEMBER_WRITTEN_TYPES as ReadonlySet<string>).has(type);
}
