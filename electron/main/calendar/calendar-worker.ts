// Worker thread entry: parses one calendar (.ics) or ModernGov document off main's event loop
// (parse-in-worker.ts runs it with a time limit and heap limits). Bundled on its own (workers/entries.ts).
import { parentPort } from 'node:worker_threads';
import { serveWorker } from '../workers/serve';
import { parseIcsInThread } from './ics';
import { parseCommitteesInThread, parseModernGovInThread } from './moderngov';
import type { CalendarJob } from './parse-in-worker';

function run(job: CalendarJob): unknown {
  if (job.kind === 'ics') return parseIcsInThread(job.content, job.today);
  if (job.kind === 'moderngov') return parseModernGovInThread(job.content, job.site, job.committees);
  if (job.kind === 'moderngov-many') return job.contents.map((content) => parseModernGovInThread(content, job.site, job.committees));
  return parseCommitteesInThread(job.content);
}

if (parentPort) {
  serveWorker<CalendarJob, unknown>(parentPort, async (job) => ({ value: run(job) }));
}
