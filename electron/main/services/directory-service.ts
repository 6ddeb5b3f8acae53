import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { compareIso } from '../../../shared/domain/dates';
import { isPersonalEmailDomain, officerSeniorityWarning } from '../../../shared/domain/requests';
import type {
  Meeting as MeetingView,
  Officer as OfficerView,
  meetingInputSchema,
  officerInputSchema,
} from '../../../shared/domain/directory';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { RecordsRepository } from './records-repository';

/** The officers directory and the meetings list: shared casework both users keep. */
export class DirectoryService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
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
    return this.records.save('officer', { ...input, id });
  }

  meetings(): MeetingView[] {
    return this.records.list('meeting').sort((a, b) => compareIso(a.date, b.date));
  }

  saveMeeting(input: z.infer<typeof meetingInputSchema>): MeetingView {
    const id = this.idFor('meeting', input.id);
    return this.records.save('meeting', { ...input, id });
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

  /** Ids of new records are made in main; an update must name an existing record of the same type. */
  private idFor(type: 'officer' | 'meeting', id: string | undefined): string {
    if (id === undefined) return randomUUID();
    if (!this.records.get(type, id)) throw new AppError('not-found', `There is no such ${type} to update. Nothing was saved.`);
    return id;
  }
}
