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
  modes: Pick<EmailsInMode, 'withhold' | 'requireShown'>,
): Pick<Handlers, `correspondence:${string}` & keyof Handlers> {
  const imported = async (result: ReturnType<MailImportService['importFiles']>) => {
    const r = await result;
    return { ...r, imported: modes.withhold(r.imported) };
  };
  return {
    'correspondence:import': ({ files }) => imported(imports.importFiles(files)),
    'correspondence:choose': () => imported(imports.chooseAndImport()),
    'correspondence:unfiled': () => {
      const r = filing.unfiled();
      return { ...r, items: modes.withhold(r.items) };
    },
    'correspondence:forRequest': ({ requestId }) => modes.withhold(filing.forRequest(requestId)),
    'correspondence:file': async ({ id, requestId, kind, promisedBy }) =>
      modes.withhold([await filing.file(id, requestId, kind, promisedBy)])[0]!,
    'correspondence:exportOriginal': ({ id }) => (modes.requireShown(id), filing.exportOriginal(id)),
  };
}
