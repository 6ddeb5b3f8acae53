import { stat, readFile } from 'node:fs/promises';
import { holidayEditsFromGovUk, parseGovUkBankHolidays } from '../../../shared/domain/calendar';
import type { GovUkImportPreview } from '../../../shared/ipc/follow-up';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { RequestQueries } from './request-queries';

/** Picks gov.uk's bank-holidays.json in main's open-file dialog; null = cancelled. */
export type ChooseBankHolidaysFile = () => Promise<string | null>;

// gov.uk's file is about 20 kB; anything far bigger is not it.
const MAX_BYTES = 2_000_000;

/**
 * R-DUE-2, R-DUE-3: reads gov.uk's bank-holidays.json (picked in main, so the page never names a
 * path) for the council's nation and lists what would change and which requests' due dates would
 * move. Nothing is saved: the user accepts through holidays:save.
 */
export class BankHolidaysImport {
  constructor(
    private readonly council: CouncilSettingsService,
    private readonly queries: RequestQueries,
    private readonly choose: ChooseBankHolidaysFile | undefined,
  ) {}

  async preview(): Promise<GovUkImportPreview> {
    this.council.view(); // needs a session before any dialog opens
    if (!this.choose) throw new AppError('unavailable', 'Importing the bank holidays file is not available here.');
    const nation = this.council.get().nation;
    const file = await this.choose();
    if (!file)
      return { file: null, nation, years: null, added: [], removed: [], weekend: [], edits: this.council.holidayEdits(), affected: [] };
    let text: string;
    try {
      if ((await stat(file)).size > MAX_BYTES)
        throw new AppError('invalid-input', 'This is not the gov.uk bank holidays file (bank-holidays.json): the file is far too large.');
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('invalid-input', 'The file could not be read. Check it is the bank-holidays.json you saved from gov.uk.');
    }
    const imported = holidayEditsFromGovUk(parseGovUkBankHolidays(text), nation, this.council.holidayEdits());
    return { file, nation, ...imported, affected: this.queries.affectedByHolidays(imported.edits) };
  }
}
