import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { compareIso } from '../../../shared/domain/dates';
import { isPersonalEmailDomain, officerSeniorityWarning } from '../../../shared/domain/requests';
import {
  droppedItemProblems,
  type Meeting as MeetingView,
  type Officer as OfficerView,
  type meetingInputSchema,
  type officerInputSchema,
} from '../../../shared/domain/directory';
import type { MeetingRecordInput } from '../../../shared/domain/meeting-import';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { RecordData } from './record-schemas';
import type { RecordsRepository } from './records-repository';

/** The officers directory and the meetings list: shared casework both users keep. */
export class DirectoryService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
    /** The UK date from main's one clock: retirement dates never come from the page. */
    private readonly today: () => string,
  ) {}

  officers(): OfficerView[] {
    return this.records.list('officer').sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A new officer gets an id made here; an id from the page may only name an officer that exists. */
  saveOfficer(input: z.infer<typeof officerInputSchema>): OfficerView {
    // R-ASK-9 (000 §17.13.2): a personal address is refused; one at another domain is only warned about
    // on the form (officers in shared services and partner authorities have their own council's domain).
    const domain = input.email.trim().toLowerCase().split('@')[1] ?? '';
    if (isPersonalEmailDomain(domain))
      throw new AppError(
        'invalid-input',
        `${domain} is a personal email provider. Use the officer’s council email address (000 §17.13.2).`,
      );
    const id = this.idFor('officer', input.id);
    const before = input.id === undefined ? undefined : this.records.get('officer', id);
    // Only the details cross from the page: a retirement stays as stored (retire/reinstate change it).
    const { id: _given, ...details } = input;
    const saved = this.records.save('officer', { ...details, id, ...(before?.retiredOn ? { retiredOn: before.retiredOn } : {}) });
    if (before) this.auditChange('officer', id, before, saved, ['name', 'role', 'service', 'seniority', 'email']);
    return saved;
  }

  meetings(): MeetingView[] {
    return this.records.list('meeting').sort((a, b) => compareIso(a.date, b.date));
  }

  /**
   * A meeting from the page. Its source (which calendar entry a re-import updates) and retirement stay as
   * stored; an update may not drop an agenda item a request names or one taken in private.
   */
  saveMeeting(input: z.infer<typeof meetingInputSchema>): MeetingView {
    const id = this.idFor('meeting', input.id);
    const before = input.id === undefined ? undefined : this.records.get('meeting', id);
    const { id: _given, source: _source, privateItems, ...details } = input;
    let kept: string[] | undefined = privateItems ?? before?.privateItems;
    if (before) {
      const problems = droppedItemProblems(before, details.agendaItems, this.requestsByItem(id));
      if (problems.length) throw new AppError('refused', `${problems.join(' ')} Nothing was saved.`);
      // R-USE-2: a PA cannot see the Member-only requests, so cannot know an item is unused; only the Member
      // removes, renames or un-marks a private item.
      if (!this.records.isMember) {
        const gone = before.agendaItems.filter((item) => !details.agendaItems.includes(item));
        const unmarked = (before.privateItems ?? []).filter((item) => !(privateItems ?? before.privateItems ?? []).includes(item));
        if (gone.length || unmarked.length)
          throw new AppError(
            'forbidden',
            `Only the Member can ${gone.length ? 'remove or rename an agenda item' : 'take an item out of the private part'}: a request you cannot see may name it. You can add items. Nothing was saved.`,
          );
      }
    }
    // A private item is always one of the meeting's agenda items.
    kept = kept?.filter((item) => details.agendaItems.includes(item));
    const saved = this.records.save('meeting', {
      ...details,
      id,
      ...(kept?.length ? { privateItems: kept } : {}),
      ...(before?.source ? { source: before.source } : {}),
      ...(before?.retiredOn ? { retiredOn: before.retiredOn } : {}),
    });
    if (before) this.auditChange('meeting', id, before, saved, ['committee', 'date', 'agendaItems', 'privateItems']);
    return saved;
  }

  /** A meeting from an import (source set by the parser): a retired meeting stays retired when re-imported. */
  saveImportedMeeting(record: MeetingRecordInput): MeetingView {
    const id = this.idFor('meeting', record.id);
    const before = record.id === undefined ? undefined : this.records.get('meeting', id);
    return this.records.save('meeting', { ...record, id, ...(before?.retiredOn ? { retiredOn: before.retiredOn } : {}) });
  }

  /** Retired officers are no longer offered for new requests or escalations; everything that names them still does. */
  retireOfficer(id: string): OfficerView {
    return this.setRetired('officer', id, true);
  }

  reinstateOfficer(id: string): OfficerView {
    return this.setRetired('officer', id, false);
  }

  /** Retired meetings are no longer offered for new s.100F requests or private sessions; requests keep showing them. */
  retireMeeting(id: string): MeetingView {
    return this.setRetired('meeting', id, true);
  }

  reinstateMeeting(id: string): MeetingView {
    return this.setRetired('meeting', id, false);
  }

  /** Retires (dated today by main's clock) or reinstates; asking for what is already so changes nothing. Audited. */
  private setRetired<T extends 'officer' | 'meeting'>(type: T, id: string, retire: boolean) {
    const { retiredOn, ...record } = this.existing(type, id);
    if (retire === (retiredOn !== undefined)) return this.existing(type, id);
    const saved = this.records.save(type, (retire ? { ...record, retiredOn: this.today() } : record) as RecordData<T> & { id: string });
    this.records.audit(id, `${type}-${retire ? 'retired' : 'reinstated'}`, 'shared', retire ? { on: saved.retiredOn } : { retiredOn });
    return saved;
  }

  /** How many requests the signed-in user can read name each officer (by officer id). */
  officerRequestCounts(): Record<string, number> {
    return tally(this.records.list('request').map((r) => r.officerId));
  }

  /** How many requests the signed-in user can read name each meeting (by meeting id). */
  meetingRequestCounts(): Record<string, number> {
    return tally(this.records.list('request').flatMap((r) => (r.meetingId ? [r.meetingId] : [])));
  }

  /** The officer with this id, or a refusal in plain words (an id of any other kind of record is not an officer). */
  requireOfficer(id: string): OfficerView {
    const officer = this.records.get('officer', id);
    if (!officer) throw new AppError('invalid-input', 'Choose an officer from the directory.');
    return officer;
  }

  meeting(id: string): MeetingView | undefined {
    return this.records.get('meeting', id);
  }

  /** Advice for the form: the seniority warning for an officer (R-ASK-6). */
  officerWarning(officerId: string): string | null {
    const officer = this.records.get('officer', officerId);
    if (!officer) return null;
    return officerSeniorityWarning(officer, this.officers(), this.council.profile())?.warning ?? null;
  }

  /** The officer or meeting with this id (checked by type: a request's or material's id is not one), or a refusal. */
  private existing<T extends 'officer' | 'meeting'>(type: T, id: string) {
    this.records.requireSession();
    const record = this.records.get(type, id);
    if (!record) throw new AppError('not-found', `There is no such ${type}. Nothing was changed.`);
    return record;
  }

  /** Requests naming each agenda item of this meeting. */
  private requestsByItem(meetingId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.records.list('request'))
      if (r.meetingId === meetingId && r.agendaItem) counts.set(r.agendaItem, (counts.get(r.agendaItem) ?? 0) + 1);
    return counts;
  }

  /** The earlier values stay in the audit trail: a correction never silently rewrites who or what was named. */
  private auditChange<T extends object>(type: 'officer' | 'meeting', id: string, before: T, after: T, fields: Array<keyof T & string>) {
    const changes = fields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      .map((f) => ({ field: f, from: before[f], to: after[f] }));
    if (changes.length) this.records.audit(id, `${type}-changed`, 'shared', { changes });
  }

  /** Ids of new records are made in main; an update must name an existing record of the same type. */
  private idFor(type: 'officer' | 'meeting', id: string | undefined): string {
    if (id === undefined) return randomUUID();
    if (!this.records.get(type, id)) throw new AppError('not-found', `There is no such ${type} to update. Nothing was saved.`);
    return id;
  }
}

function tally(ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = (out[id] ?? 0) + 1;
  return out;
}
