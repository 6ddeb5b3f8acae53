// Worker thread entry: parses one email off main's event loop (parse.ts runs it with a hard time
// limit). Bundled on its own (workers/entries.ts).
import { parentPort } from 'node:worker_threads';
import { serveWorker } from '../workers/serve';
import { parseMessageInThread, type ParseJob, type ParsedMessage } from './parse';

if (parentPort) {
  serveWorker<ParseJob, ParsedMessage>(parentPort, async ({ bytes, fileName }) => {
    // Copied back, not transferred: some attachment bytes sit in Node's shared buffer pool.
    return { value: await parseMessageInThread(bytes, fileName) };
  });
}
