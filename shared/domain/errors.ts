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
