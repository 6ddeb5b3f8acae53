import type { Handlers } from '../router';
import type { ReportService } from '../../reports/report-service';

/** Reports: the service builds, gates, prints and audits. */
export function reportHandlers(reports: ReportService): Pick<Handlers, 'reports:get' | 'reports:savePdf'> {
  return {
    'reports:get': (request) => reports.get(request),
    'reports:savePdf': (request) => reports.savePdf(request),
  };
}
