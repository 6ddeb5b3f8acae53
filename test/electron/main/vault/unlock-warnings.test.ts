import { describe, expect, it } from 'vitest';
import { rollbackWarnings, setAsideWarning, unfinishedSaveWarning } from '../../../../electron/main/vault/unlock-warnings';

const cp = { generation: 2, lastSeq: 40, head: 'aa', at: '2026-11-20T10:00:00Z', format: 2 };

describe('unlock warnings', () => {
  it('names no rollback when the vault is at or past the checkpoint with the same chain', () => {
    expect(rollbackWarnings(cp, { generation: 2, lastSeq: 40, watchedHead: 'aa' }, 2)).toEqual([]);
    expect(rollbackWarnings(cp, { generation: 3, lastSeq: 55, watchedHead: 'aa' }, 2)).toEqual([]);
    expect(rollbackWarnings(cp, { generation: 3, lastSeq: 55, watchedHead: null }, 2)).toEqual([]);
  });

  it('says how many saves are missing, an older copy, replaced saves and a downgraded format, in words', () => {
    const [missing] = rollbackWarnings(cp, { generation: 2, lastSeq: 39, watchedHead: null }, 2);
    expect(missing).toEqual({
      kind: 'rollback',
      message: expect.stringMatching(/^A change you or your PA saved up to 20\/11\/2026 is not in this vault/),
    });
    expect(rollbackWarnings(cp, { generation: 2, lastSeq: 30, watchedHead: null }, 2)[0]!.message).toMatch(
      /^10 changes .* are not in this vault/,
    );
    expect(rollbackWarnings(cp, { generation: 1, lastSeq: 40, watchedHead: null }, 2)[0]!.message).toMatch(/older copy than the one/);
    expect(rollbackWarnings(cp, { generation: 2, lastSeq: 40, watchedHead: 'bb' }, 2)[0]!.message).toMatch(/replaced by different ones/);
    expect(rollbackWarnings(cp, { generation: 2, lastSeq: 40, watchedHead: 'aa' }, 1)[0]!.message).toMatch(/earlier format/);
  });

  it('sets-aside and unfinished saves say what happened and where the bytes are kept', () => {
    expect(setAsideWarning([{ seq: 7, id: 'r1', type: 'request', reason: 'only the Member may save a request like this one' }])).toEqual({
      kind: 'set-aside',
      message: expect.stringMatching(
        /^1 change in the vault was not made by the Member's app .*\(the first: only the Member may save a request like this one\)/,
      ),
    });
    // No save number or record kind's internal name reaches the screen.
    expect(setAsideWarning([{ seq: 7, id: 'r1', type: 'request', reason: 'x' }]).message).not.toMatch(/\b7\b|r1/);
    expect(setAsideWarning([1, 2].map((seq) => ({ seq, id: 'r', type: 't', reason: 'x' }))).message).toMatch(
      /^2 changes .* were set aside/,
    );
    expect(unfinishedSaveWarning('journal-000000.log.torn-x').message).toMatch(
      /kept in the vault folder as journal-000000\.log\.torn-x\.$/,
    );
  });
});
