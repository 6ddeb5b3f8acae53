import type { Handlers } from '../router';
import type { CouncilSettingsService } from '../../services/council-settings-service';
import type { RequestCommands } from '../../services/request-commands';
import type { RequestQueries } from '../../services/request-queries';
import type { BankHolidaysImport } from '../../services/bank-holidays-import';

export const holidayHandlers = (
  council: CouncilSettingsService,
  commands: RequestCommands,
  queries: RequestQueries,
  govUk: BankHolidaysImport,
): Pick<Handlers, `holidays:${string}` & keyof Handlers> => ({
  'holidays:get': () => council.holidayEdits(),
  'holidays:preview': (edits) => queries.affectedByHolidays(edits),
  'holidays:importGovUk': () => govUk.preview(),
  'holidays:save': ({ edits, recompute }) => commands.saveHolidays(edits, recompute),
});
