import { ukDateOf } from '../../../shared/domain/dates';
import type { EventHub } from './events';
import type { RecordsRepository } from './records-repository';
import { CorrespondenceStore } from './correspondence-store';
import { DraftsService } from './correspondence-drafts';
import { FilingService } from './correspondence-filing';
import { MailImportService } from './correspondence-import';
import { noMailDesk, type MailDesk, type RequestLookup } from './correspondence-ports';

// Officers' email, split along its seams: drafts out (correspondence-drafts.ts), mail in
// (correspondence-import.ts, correspondence-filing.ts), over one store of correspondence records
// (correspondence-store.ts) that reads and writes only through the records repository. What they
// need from outside is in correspondence-ports.ts.

export interface CorrespondenceDeps {
  records: RecordsRepository;
  requests: RequestLookup;
  councilDomain: () => string;
  events: EventHub;
  desk?: MailDesk;
  now?: () => Date;
  today?: () => string;
  tempRoot?: string;
  /** Code for the email parse worker instead of the built one (tests inject a slow worker). */
  parseWorkerSource?: string;
}

/** The three correspondence services, sharing one store and one request seam. */
export function correspondenceServices(deps: CorrespondenceDeps): {
  drafts: DraftsService;
  filing: FilingService;
  imports: MailImportService;
} {
  const { records, requests, councilDomain, events, desk = noMailDesk, now = () => new Date() } = deps;
  const today = deps.today ?? (() => ukDateOf(new Date()));
  const store = new CorrespondenceStore(records);
  const filing = new FilingService(store, records, requests, desk, today, deps.parseWorkerSource);
  return {
    drafts: new DraftsService(store, requests, councilDomain, events, desk, now, today, deps.tempRoot),
    filing,
    imports: new MailImportService(store, records, filing, requests, councilDomain, desk, today, deps.parseWorkerSource),
  };
}
