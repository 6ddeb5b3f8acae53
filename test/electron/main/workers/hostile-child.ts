// A child process that parses one hostile file the way main does, and reports in one JSON line:
// the refusal, the time to it, main's longest event-loop stall meanwhile, and the process's peak
// memory (its worker threads included). Run by hostile-files.stress.test.ts, so a crash here can
// never take the test runner down. Inputs are built before the clock starts.
import { performance as nodePerformance } from 'node:perf_hooks';
import { parseIcs } from '../../../../electron/main/calendar/ics';
import { parseModernGov } from '../../../../electron/main/calendar/moderngov';
import { parseMessage } from '../../../../electron/main/mail/parse';
import { MAX_RTF_BYTES } from '../../../../electron/main/mail/rtf';
import { buildMsg } from '../../../../tools/fixtures/mail';
import { XML_DEEP, XML_LAUGHS, icsFlood, icsTimeBomb, modernGovFlood } from '../calendar/hostile';
import { withHeader } from '../mail/lzfu';
import { stallProbe } from './stall';

const TODAY = '2026-11-28';
const sender = {
  subject: 'Depot',
  from: { name: 'Sam', email: 'sam@example.gov.uk' },
  to: [{ name: 'Cllr', email: 'cllr@example.gov.uk' }],
};

/** LZFu data of `bytes` length whose every token copies 17 bytes from the byte before: it expands 8-fold. */
function backReferences(bytes: number): Uint8Array {
  const data = new Uint8Array(Math.floor(bytes / 17) * 17);
  for (let g = 0; g < data.length; g += 17) {
    data[g] = 0xff;
    for (let t = 0; t < 8; t++) data[g + 2 + t * 2] = 0x0f;
  }
  return data;
}

/** A worker job that allocates until its heap limit ends it. */
const EXHAUST_HEAP = `const keep = []; require('node:worker_threads').parentPort.on('message', () => { for (;;) keep.push(new Array(1e5).fill(keep.length)); });`;

const cases: Record<string, () => () => Promise<unknown>> = {
  // The attack's 7.7 KB .msg: a compressed-RTF header claiming 2 GB over a few KB of back-references.
  'rtf-lying-header': () => {
    const msg = buildMsg({ ...sender, rtfCompressed: withHeader(backReferences(7 * 1024), 0x7fffffff) });
    return () => parseMessage(msg, 'bomb.msg');
  },
  // 10 MB of back-references (80 MB if decoded), header at the cap with a correct CRC: decoding runs to the cap.
  'rtf-backref-10mb': () => {
    const msg = buildMsg({ ...sender, rtfCompressed: withHeader(backReferences(10 * 1024 * 1024), MAX_RTF_BYTES) });
    return () => parseMessage(msg, 'bomb.msg');
  },
  // A sector chain that loops: msgreader, unchecked, grows one array until V8 aborts the process.
  'msg-looping-chain': () => {
    const msg = Buffer.from(buildMsg({ ...sender, body: 'x'.repeat(5000) }));
    const sector = 1 << msg.readUInt16LE(0x1e);
    const rootStart = msg.readUInt32LE((msg.readUInt32LE(0x30) + 1) * sector + 0x74);
    msg.writeInt32LE(rootStart, (msg.readUInt32LE(0x4c) + 1) * sector + rootStart * 4);
    return () => parseMessage(msg, 'loop.msg');
  },
  'ics-time-bomb': () => {
    const ics = icsTimeBomb();
    return () => parseIcs(ics, TODAY, { fileName: 'tick.ics' });
  },
  'ics-flood-5mb': () => {
    const ics = icsFlood();
    return () => parseIcs(ics, TODAY, { fileName: 'flood.ics' });
  },
  'xml-flood-5mb': () => {
    const xml = modernGovFlood();
    return () => parseModernGov(xml, undefined, undefined, { fileName: 'flood.xml' });
  },
  'xml-laughs': () => () => parseModernGov(XML_LAUGHS, undefined, undefined, { fileName: 'laughs.xml' }),
  'xml-deep': () => () => parseModernGov(XML_DEEP, undefined, undefined, { fileName: 'deep.xml' }),
  'calendar-worker-out-of-memory': () => () => parseIcs('BEGIN:VCALENDAR', TODAY, { fileName: 'heap.ics', source: EXHAUST_HEAP }),
  // For comparison: the same probe while main does nothing but wait, so what the machine's load alone adds shows.
  'baseline-idle': () => () => new Promise((resolve) => setTimeout(resolve, 3_000)),
  'mail-worker-out-of-memory': () => () => parseMessage(Buffer.from('From: a@x\r\n\r\n'), 'heap.eml', 60_000, { source: EXHAUST_HEAP }),
};

async function main() {
  const name = process.argv[2] ?? '';
  const build = cases[name];
  if (!build) throw new Error(`no case ${name}`);
  const run = build();
  const probe = stallProbe();
  const utilisation = nodePerformance.eventLoopUtilization();
  const started = performance.now();
  let refusal: string | null = null;
  try {
    await run();
  } catch (error) {
    refusal = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const ms = performance.now() - started;
  const maxStallMs = probe.stop();
  // Time main's event loop spent running callbacks (the probe's own ticks included), not waiting.
  const mainBusyMs = nodePerformance.eventLoopUtilization(utilisation).active;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name, refusal, ms, maxStallMs, mainBusyMs, peakRssMb })}\n`);
}

void main();
