import type { Handlers } from '../router';
import type { CorrespondenceService } from '../../services/correspondence-service';

/** Officers' emails imported, matched and filed: the service parses, seals and applies the rules. */
export function correspondenceHandlers(correspondence: CorrespondenceService): Pick<Handlers, `correspondence:${string}` & keyof Handlers> {
  return {
    'correspondence:import': ({ files }) => correspondence.importFiles(files),
    'correspondence:choose': () => correspondence.chooseAndImport(),
    'correspondence:unfiled': () => correspondence.unfiled(),
    'correspondence:forRequest': ({ requestId }) => correspondence.forRequest(requestId),
    'correspondence:file': ({ id, requestId, kind, promisedBy }) => correspondence.file(id, requestId, kind, promisedBy),
    'correspondence:exportOriginal': ({ id }) => correspondence.exportOriginal(id),
  };
}
