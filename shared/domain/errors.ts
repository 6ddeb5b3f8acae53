/** Codes a rule can fail with. `invalid-input` = the question was malformed; `refused` = a rule said no. */
export type DomainErrorCode = 'invalid-input' | 'unknown-profile' | 'refused';

/** Bad input to any rule gets this, with a plain message, never a wrong answer. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A schema's problems as main answers a refused input ("copies.1: Invalid email address; sentOn: …",
 * as shared/ipc/errors describeZodError does), each path under `path`: the page words every such
 * answer in the one way (renderer/app/errors), whether the form, main's contract or a rule found it.
 */
export function describeIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, path: string[] = []): string {
  return issues
    .map((issue) => {
      const where = [...path, ...issue.path.map(String)].join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
