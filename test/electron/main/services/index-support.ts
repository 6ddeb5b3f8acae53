// Helpers shared by the request index tests: requests as the casework service stores them, and the
// records read as the records repository reads them for the index.
import { computeDueDates } from '../../../../shared/domain/deadlines';
import { builtInProfile } from '../../../../shared/domain/profiles';
import type { StoredRequest } from '../../../../shared/domain/requests';
import type { CheckedRead } from '../../../../electron/main/services/request-index';
import { recordSchemas } from '../../../../electron/main/services/record-schemas';
import { randomUUID } from 'node:crypto';
import { Vault, type VaultOptions, type VaultSession } from '../../../../electron/main/vault/vault';
import type { VaultFs } from '../../../../electron/main/vault/fsio';
import { MEMBER_PASS, PA_PASS, TEST_KDF } from '../vault/support';
import { MemoryFiles } from '../../support/memory-files';

/** Reads as the records repository does for the index: the record's schema checked, a damaged one thrown. */
export const checkedRead = (session: VaultSession): CheckedRead =>
  ((type: 'request' | 'material', id: string) => {
    const record = session.get(id);
    return record ? recordSchemas[type].parse(record.data) : undefined;
  }) as CheckedRead;
export const PROFILE = builtInProfile('000');

/** A stored request as the casework service writes it, sent on `sentOn` (its due dates worked out from it). */
export function storedRequest(id: string, sentOn: string, overrides: Partial<StoredRequest> = {}): StoredRequest {
  const due = computeDueDates(sentOn, PROFILE, 'england-and-wales');
  return {
    id,
    reference: `NTK-${id}`,
    subject: `Subject of ${id}`,
    informationSought: 'The valuation report',
    capacity: 'ward-member',
    capacityDetail: '',
    purpose: 'To answer residents',
    route: 'need-to-know',
    justification: 'As ward member I must answer residents about the depot sale.',
    officerId: 'officer-1',
    officerName: 'Sam Green',
    service: 'Estates',
    ward: 'Riverside',
    meetingId: null,
    agendaItem: null,
    mayBeRaisedAtMeeting: false,
    seeksProtectedMaterial: false,
    fromEmail: 'cllr.smith@example-council.gov.uk',
    copies: [],
    sentOn,
    memberOnly: false,
    events: [],
    acknowledgeBy: due.acknowledgeBy,
    respondBy: due.respondBy,
    explanation: due.explanation,
    profile: PROFILE,
    nation: 'england-and-wales',
    verdict: 'sufficient',
    assessmentSummary: 'The need to know is shown.',
    chairNotice: null,
    moReferral: null,
    escalatedTo: null,
    ...overrides,
  } as StoredRequest;
}

/** A sent date spread over 2026 for request number i (deterministic, many ties on purpose). */
export const sentOnFor = (i: number) => `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`;

/** The file layer each vault made by newVault() lives on (service tests do not wait on the disk). */
const filesByDir = new Map<string, VaultFs>();

/** A new Member's vault on its own in-memory file layer (the vault's own tests use the real disk). */
export async function newVault(options: VaultOptions = {}) {
  const dir = `/ntk-memory/${randomUUID()}/vault`;
  const fs = options.fs ?? new MemoryFiles();
  filesByDir.set(dir, fs);
  const session = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { ...options, fs, kdf: TEST_KDF });
  return { dir, session };
}

/** The file layer of a vault made by newVault(), for tests that look at or alter its files. */
export const filesOf = (dir: string): VaultFs => filesByDir.get(dir)!;

/** The vault in `dir` (made by newVault, or on `fs`) before unlock. */
export const openVault = (dir: string, fs = filesByDir.get(dir)) => Vault.open(dir, { fs });

/** The vault in `dir` unlocked again as the Member or the PA. */
export async function reopen(dir: string, role: 'member' | 'pa' = 'member', fs = filesByDir.get(dir)): Promise<VaultSession> {
  const locked = openVault(dir, fs);
  const user = locked.users().find((u) => u.role === role)!;
  return locked.unlock(user.id, role === 'member' ? MEMBER_PASS : PA_PASS);
}
