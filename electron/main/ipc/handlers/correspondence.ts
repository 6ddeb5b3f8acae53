import type { Handlers } from '../router';
import type { MailImportService } from '../../services/correspondence-import';
import type { FilingService } from '../../services/correspondence-filing';
import type { EmailsInMode } from '../../services/meeting-mode-service';

/**
 * Officers' emails imported, matched and filed: the services parse, seal and apply the rules. Every
 * email view leaves through the meeting mode's filter, and a hidden email is not saved out (R-USE-1).
 */
export function correspondenceHandlers(
  imports: MailImportService,
  filing: FilingService,
  modes: Pick<EmailsInMode, 'withhold' | 'withholdImported' | 'withholdUnfiled' | 'withholdOne' | 'exportChecked'>,
): Pick<Handlers, `correspondence:${string}` & keyof Handlers> {
  return {
    'correspondence:import': ({ files }) => modes.withholdImported(imports.importFiles(files)),
    'correspondence:choose': () => modes.withholdImported(imports.chooseAndImport()),
    'correspondence:unfiled': () => modes.withholdUnfiled(filing.unfiled()),
    'correspondence:forRequest': ({ requestId }) => modes.withhold(filing.forRequest(requestId)),
    'correspondence:file': ({ id, requestId, kind, promisedBy }) => modes.withholdOne(filing.file(id, requestId, kind, promisedBy)),
    'correspondence:exportOriginal': ({ id }) => modes.exportChecked(id, () => filing.exportOriginal(id)),
  };
}
