import type { Handlers } from '../router';
import type { MailImportService } from '../../services/correspondence-import';
import type { FilingService } from '../../services/correspondence-filing';

/** Officers' emails imported, matched and filed: the services parse, seal and apply the rules. */
export function correspondenceHandlers(
  imports: MailImportService,
  filing: FilingService,
): Pick<Handlers, `correspondence:${string}` & keyof Handlers> {
  return {
    'correspondence:import': ({ files }) => imports.importFiles(files),
    'correspondence:choose': () => imports.chooseAndImport(),
    'correspondence:unfiled': () => filing.unfiled(),
    'correspondence:forRequest': ({ requestId }) => filing.forRequest(requestId),
    'correspondence:file': ({ id, requestId, kind, promisedBy }) => filing.file(id, requestId, kind, promisedBy),
    'correspondence:exportOriginal': ({ id }) => filing.exportOriginal(id),
  };
}
