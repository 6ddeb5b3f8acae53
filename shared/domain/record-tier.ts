import { tierFor, type Classification } from './classification';
import { correspondenceTier } from './correspondence';
import { correspondenceTierFacts } from './correspondence-records';
import { isMemberIndexId, type RecordType } from './record-types';

export type RecordTier = 'shared' | 'member';

// R-USE-2 (003 §4.8): the key a record is sealed under (who may READ it) follows from its type and content
// alone, worked out afresh on every save, so a tier stored (or forged) earlier can never carry Member content
// to the shared key. Who may WRITE it is isMemberWritten (record-types.ts).
export function recordTier(type: RecordType, id: string, data: unknown): RecordTier {
  const d = (data ?? {}) as {
    memberOnly?: unknown;
    classification?: Classification | null;
    isBriefing?: boolean;
    onMemberOnlyRequest?: boolean;
  };
  switch (type) {
    case 'material':
      return tierFor({ classification: d.classification ?? null, isBriefing: d.isBriefing, onMemberOnlyRequest: d.onMemberOnlyRequest });
    case 'arrival':
      // R-USE-2 (003 §4.8): recorded by a PA for the Member (write-only). Its title, summary and files are
      // sealed to the Member's public key inside the record, so the record itself is shared: the PA sees
      // only that something arrived, when, and whether it has been classified, and can never read it back.
      return 'shared';
    case 'correspondence':
      // R-USE-2, R-CLS-2 (003 §4.8; 000 §17.9.4): an email or draft is sealed as its request's material would be.
      return correspondenceTier(correspondenceTierFacts(data));
    case 'request-index':
      return isMemberIndexId(id) ? 'member' : 'shared';
    case 'disclosure':
    case 'register-entry':
      return 'member';
    // Written only by the Member (authenticated by the vault) but read by the PA too: the PA's requests follow them.
    case 'council-settings':
    case 'council-profile':
    case 'officer':
    case 'meeting':
      return 'shared';
    default:
      return d.memberOnly === true ? 'member' : 'shared';
  }
}
