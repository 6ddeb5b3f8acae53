// Attacks on the Member's records by a PA at file level, with the PA's real shared key (current
// epoch): deleting what the Member wrote, emptying or rewriting a request's timeline, moving a due
// date, changing a request without the change being recorded. What the app's PA commands write (an
// entry added; a field changed through an "edited" entry with its old and new values) must still
// work; anything else is set aside with a warning the Member sees at unlock, before and after
// compaction, and a PA's app refuses to write it in the first place.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault, memoryCheckpointStore, type VaultSession } from '../../../../electron/main/vault';
import { editRequest } from '../../../../shared/domain/request-lifecycle';
import type { StoredRequest } from '../../../../shared/domain/requests';
import { storedRequest } from '../services/index-support';
import { deriveSubkey } from '../../../../electron/main/vault/crypto';
import { encodeFrame } from '../../../../electron/main/vault/frames';
import { MEMBER_PASS, PA_PASS, TEST_KDF, frames, paAppend, tempDir } from '../vault/support';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

const ENTRY = { id: 'e1', type: 'acknowledged', on: '2026-11-25', note: 'Officer acknowledged', recordedAt: '2026-11-25T10:00:00.000Z' };
const REQUEST = storedRequest('req-1', '2026-11-24', { events: [ENTRY] as StoredRequest['events'] });

async function vaultWithMemberRecords(compacted = false) {
  const dir = path.join(tempDir('pa-replace'), 'vault');
  const checkpoints = memoryCheckpointStore();
  const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF, checkpoints });
  const pa = await member.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
  member.put({ id: 'req-1', tier: 'shared', type: 'request', data: REQUEST });
  member.put({ id: 'off-1', tier: 'shared', type: 'officer', data: { name: 'Sam Green' } });
  member.put({ id: 'mtg-1', tier: 'shared', type: 'meeting', data: { committee: 'Cabinet' } });
  member.put({ id: 'mat-1', tier: 'shared', type: 'material', data: { title: 'Agenda' } });
  if (compacted) member.compact();
  const memberId = member.user.id;
  member.lock();
  const paSession = await Vault.open(dir).unlock(pa.id, PA_PASS);
  const shared = Buffer.from(paSession.exportKeysForQuickUnlock().shared, 'base64');
  paSession.lock();
  const journal = compacted ? 'journal-000001.log' : 'journal-000000.log';
  return {
    dir,
    forge: (meta: Parameters<typeof paAppend>[2], data: unknown) => paAppendTo(dir, journal, shared, meta, data),
    openMember: () => Vault.open(dir, { checkpoints }).unlock(memberId, MEMBER_PASS),
    openPa: () => Vault.open(dir).unlock(pa.id, PA_PASS),
  };
}

/** paAppend, into a named journal (after compaction the Member's app starts the next one). */
function paAppendTo(dir: string, journal: string, shared: Buffer, meta: Parameters<typeof paAppend>[2], data: unknown) {
  if (journal === 'journal-000000.log') return paAppend(dir, shared, meta, data);
  // An empty journal after compaction: a forged first frame, chained from the snapshot's end.
  return paAppendAfterSnapshot(dir, shared, meta, data);
}

function paAppendAfterSnapshot(dir: string, shared: Buffer, meta: Parameters<typeof paAppend>[2], data: unknown) {
  const journal = path.join(dir, 'journal-000001.log');
  const last = existsSync(journal) ? frames(journal).at(-1) : undefined;
  const snap = readFileSync(path.join(dir, 'snapshot-000001.bin'));
  const head = JSON.parse(snap.subarray(12, 12 + snap.readUInt32BE(8)).toString('utf8')) as { lastSeq: number; head: string };
  const end = last ? { seq: last.seq, prev: last.hash } : { seq: head.lastSeq, prev: Buffer.from(head.head, 'hex') };
  const frame = encodeFrame(
    { tier: 'shared', schema: 2, seq: end.seq + 1, prev: end.prev, author: 'pa', epoch: 0, ...meta },
    shared,
    Buffer.from(JSON.stringify(data)),
    deriveSubkey(shared, 'author:pa'),
  );
  writeFileSync(journal, frame.bytes, { flag: 'a' });
}

const edited = (changes: Record<string, unknown>) => {
  const { entry, updated } = editRequest(REQUEST, changes, '2026-12-01');
  return { ...REQUEST, ...updated, events: [...REQUEST.events, { ...entry, id: 'e2', recordedAt: '2026-12-01T10:00:00.000Z' }] };
};

const ATTACKS: Array<{ name: string; meta: Parameters<typeof paAppend>[2]; data: unknown; intact: (s: VaultSession) => boolean }> = [
  {
    name: "deletes the Member's request",
    meta: { kind: 'delete', id: 'req-1', type: 'request' },
    data: {},
    intact: (s) => !!s.get('req-1'),
  },
  {
    name: "deletes the Member's officer",
    meta: { kind: 'delete', id: 'off-1', type: 'officer' },
    data: {},
    intact: (s) => !!s.get('off-1'),
  },
  {
    name: "deletes the Member's meeting",
    meta: { kind: 'delete', id: 'mtg-1', type: 'meeting' },
    data: {},
    intact: (s) => !!s.get('mtg-1'),
  },
  {
    name: "deletes the Member's material",
    meta: { kind: 'delete', id: 'mat-1', type: 'material' },
    data: {},
    intact: (s) => !!s.get('mat-1'),
  },
  {
    name: "deletes the Member's request naming it material",
    meta: { kind: 'delete', id: 'req-1', type: 'material' },
    data: {},
    intact: (s) => !!s.get('req-1'),
  },
  {
    name: "replaces the Member's request with an officer",
    meta: { kind: 'put', id: 'req-1', type: 'officer' },
    data: { name: 'Not a request' },
    intact: (s) => s.get('req-1')?.type === 'request',
  },
  {
    name: "replaces the Member's officer with a request",
    meta: { kind: 'put', id: 'off-1', type: 'request' },
    data: REQUEST,
    intact: (s) => s.get('off-1')?.type === 'officer',
  },
  ...(
    [
      ['empties the timeline', { ...REQUEST, events: [] }],
      ['rewrites a timeline entry', { ...REQUEST, events: [{ ...ENTRY, note: 'Officer refused' }] }],
      ['moves the due date later', { ...REQUEST, respondBy: '2027-06-30' }],
      ['changes the subject unrecorded', { ...REQUEST, subject: 'Something else' }],
      ['changes the officer', { ...REQUEST, officerId: 'officer-2', officerName: 'Someone Else' }],
      ['changes the date sent', { ...REQUEST, sentOn: '2026-11-01' }],
      ['changes the need-to-know verdict', { ...REQUEST, verdict: 'insufficient' }],
      [
        'records an edit with a false old value',
        {
          ...edited({ subject: 'New' }),
          events: [
            ENTRY,
            {
              ...edited({ subject: 'New' }).events[1]!,
              changes: [{ field: 'subject', label: 'Subject', from: 'Forged', to: 'New', fromText: 'Forged', toText: 'New' }],
            },
          ],
        },
      ],
      ['records an edit of a fixed field', { ...edited({ subject: 'New' }), respondBy: '2027-06-30' }],
      ['replaces it with something not a request', ['not', 'a', 'request']],
    ] as const
  ).map(([name, data]) => ({
    name: `request: ${name}`,
    meta: { kind: 'put' as const, id: 'req-1', type: 'request' },
    data,
    intact: (s: VaultSession) => JSON.stringify(s.get('req-1')?.data) === JSON.stringify(REQUEST),
  })),
];

describe("a PA's file-level changes to the Member's records", () => {
  for (const compacted of [false, true]) {
    it(`are set aside with a warning${compacted ? ' (after compaction)' : ''}`, async () => {
      for (const attack of ATTACKS) {
        const v = await vaultWithMemberRecords(compacted);
        v.forge(attack.meta, attack.data);
        const m = await v.openMember();
        const warned = m.warnings.some((w) => w.kind === 'set-aside');
        const intact = attack.intact(m);
        table.add(`PA at file level ${attack.name}${compacted ? ' (after compaction)' : ''}`, {
          caught: warned && intact,
          lost: intact ? 0 : 1,
        });
        expect([attack.name, warned, intact]).toEqual([attack.name, true, true]);
        m.lock();
      }
    }, 240_000);
  }

  it("what the app's PA commands write still applies: an entry added, a field changed through an edit entry", async () => {
    const v = await vaultWithMemberRecords();
    const added = {
      ...REQUEST,
      events: [
        ...REQUEST.events,
        { id: 'e2', type: 'chased', on: '2026-12-01', note: 'Chased', recordedAt: '2026-12-01T09:00:00.000Z', by: 'pa' },
      ],
    };
    v.forge({ kind: 'put', id: 'req-1', type: 'request' }, added);
    const m = await v.openMember();
    expect(m.warnings).toEqual([]);
    expect(m.get<StoredRequest>('req-1')?.data.events).toHaveLength(2);
    m.lock();
    const pa = await v.openPa();
    const current = pa.get<StoredRequest>('req-1')!;
    const { entry, updated } = editRequest(current.data, { subject: 'Depot sale (corrected)' }, '2026-12-02');
    pa.put({
      ...current,
      data: {
        ...current.data,
        ...updated,
        events: [...current.data.events, { ...entry, id: 'e3', recordedAt: '2026-12-02T09:00:00.000Z', by: 'pa' as const }],
      },
    });
    // The PA's own material, added by an import and undone, may be removed.
    pa.put({ id: 'mat-pa', tier: 'shared', type: 'material', data: { title: 'From an email' } });
    pa.delete('mat-pa');
    pa.lock();
    const after = await v.openMember();
    expect(after.warnings).toEqual([]);
    const request = after.get<StoredRequest>('req-1')!.data;
    expect(request.subject).toBe('Depot sale (corrected)');
    // The Member sees the previous version on the timeline.
    expect(request.events.at(-1)).toMatchObject({ type: 'edited', changes: [{ field: 'subject', from: REQUEST.subject }] });
    after.lock();
  }, 60_000);

  it("a PA's app refuses to write what unlock would set aside, and saves nothing", async () => {
    const v = await vaultWithMemberRecords();
    const pa = await v.openPa();
    const tries: Array<[string, () => void]> = [
      ['delete the request', () => pa.delete('req-1')],
      ['delete the officer', () => pa.delete('off-1')],
      ['empty the timeline', () => pa.put({ id: 'req-1', tier: 'shared', type: 'request', data: { ...REQUEST, events: [] } })],
      ['move the due date', () => pa.put({ id: 'req-1', tier: 'shared', type: 'request', data: { ...REQUEST, respondBy: '2027-06-30' } })],
    ];
    for (const [name, attempt] of tries) {
      const before = pa.stats().lastSeq;
      let refused = false;
      try {
        attempt();
      } catch (error) {
        refused = (error as { code?: string }).code === 'not-permitted';
      }
      table.add(`PA app tries to ${name}`, { caught: refused && pa.stats().lastSeq === before });
      expect([name, refused, pa.stats().lastSeq]).toEqual([name, true, before]);
    }
    pa.lock();
  }, 60_000);
});
