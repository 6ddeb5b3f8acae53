import { normaliseMessageId, type CorrespondenceItem } from '../../../shared/domain/correspondence';
import type { StoredMessage } from '../../../shared/domain/correspondence-records';
import { clashNote, importerWords, messageDifferences, sameMessageId } from '../../../shared/domain/message-clash';
import { formatUk, isIsoDate } from '../../../shared/domain/dates';
import type { RecordsRepository } from './records-repository';
import { messageView } from './correspondence-store';

/** A stored day in words; a day that does not read as one (a forged record) is shown as written, shortened. */
const onDay = (day: string): string => (isIsoDate(day) ? formatUk(day) : String(day).slice(0, 40));

/**
 * The emails as the screens show them: each with who imported it and, where another kept email
 * has its Message-ID, a clash flag naming what differs and who imported each copy. Worked out
 * afresh on every view, so neither copy has to be saved again (nor can hide the other).
 */
export function messageViews(records: RecordsRepository, all: StoredMessage[], shown: StoredMessage[]): CorrespondenceItem[] {
  const importer = (m: StoredMessage) => importerWords(records.authorOf('correspondence', m.id), m.importedBy);
  const byMessageId = new Map<string, StoredMessage[]>();
  for (const m of all) {
    if (!m.messageId) continue;
    const key = normaliseMessageId(m.messageId);
    byMessageId.set(key, [...(byMessageId.get(key) ?? []), m]);
  }
  return shown.map((m) => {
    const { senderCheck: _c, sha256: _h, importedBy: _i, ...item } = messageView(m) as CorrespondenceItem & Partial<StoredMessage>;
    const view: CorrespondenceItem = { ...item, importer: importer(m) };
    const others = (m.messageId ? (byMessageId.get(normaliseMessageId(m.messageId)) ?? []) : []).filter(
      (o) => o.id !== m.id && sameMessageId(o.messageId, m.messageId),
    );
    if (!others.length) return view;
    const note = clashNote(
      { importer: view.importer!, importedOn: onDay(m.importedOn) },
      others.map((o) => ({ importer: importer(o), importedOn: onDay(o.importedOn), differences: messageDifferences(m, o) })),
    );
    return { ...view, flags: [...view.flags, 'message-id-clash' as const], flagNotes: [...view.flagNotes, note] };
  });
}
