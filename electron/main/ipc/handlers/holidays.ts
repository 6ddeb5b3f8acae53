import type { Handlers } from '../router';
import type { CouncilSettingsService } from '../../services/council-settings-service';
import type { RequestCommands } from '../../services/request-commands';
import type { RequestQueries } from '../../services/request-queries';

export const holidayHandlers = (council: CouncilSettingsService, commands: RequestCommands, queries: RequestQueries): Pick<Handlers, `holidays:${string}` & keyof Handlers> => ({
  'holidays:get': () => council.holidayEdits(),
  'holidays:preview': (edits) => queries.affectedByHolidays(edits),
  'holidays:save': ({ edits, recompute }) => commands.saveHolidays(edits, recompute),
});
