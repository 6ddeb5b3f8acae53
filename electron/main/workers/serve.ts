// The worker side of runInWorker (run.ts). Kept apart, with no imports, so a worker's bundle holds
// only its own job.

/** What a worker entry posts back: a value, or an error reduced to its name, message and code. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string; code?: string } };

/** For worker entries: answers each message with `fn`'s result, or its error's name, message and code. */
export function serveWorker<I, T>(
  port: { on(event: 'message', fn: (input: I) => void): unknown; postMessage(value: unknown, transfer?: ArrayBuffer[]): void },
  fn: (input: I) => Promise<{ value: T; transfer?: ArrayBuffer[] }>,
): void {
  port.on('message', (input) => {
    fn(input).then(
      ({ value, transfer }) => port.postMessage({ ok: true, value } satisfies WorkerReply<T>, transfer ?? []),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({
          ok: false,
          error: { name: e.name, message: e.message, code: (e as { code?: unknown }).code as string | undefined },
        } satisfies WorkerReply<T>);
      },
    );
  });
}
