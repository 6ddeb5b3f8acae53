import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { effectiveLevel, isProtected, levelNames } from '../../../shared/domain/classification';
import { formatUk, isIsoDate, toIsoDate } from '../../../shared/domain/dates';
import { GROUNDS } from '../../../shared/domain/disclosure';
import {
  isRequestVisibleInMode,
  isVisibleInMode,
  modeInWords,
  namesOf,
  withheldName,
  withoutNames,
  type MeetingMode,
  type ModeItem,
} from '../../../shared/domain/protection';
import { confidentialWatermark, mayMakeReport, reportFileName, type ReportContents } from '../../../shared/domain/reports';
import { statusNames } from '../../../shared/domain/requests';
import { TIMELINE_KINDS, timelineKindNames, type TimelineKind } from '../../../shared/domain/timeline';
import type { RequestDetail, RequestRow } from '../../../shared/ipc/views';
import { withoutMoAdviceInDetail } from '../../../shared/ipc/mo-advice';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import type { Report, ReportRequest, ReportSection } from '../../../shared/ipc/reports';
import { renderReportHtml } from './report-html';

type RegisterEntryView = {
  id: string;
  materialId: string;
  what: string;
  to: string;
  on: string;
  ground: 'a' | 'b' | 'c' | 'd';
  evidence: Record<string, unknown>;
  moAdvice: string | null;
  recordedAt: string;
};
/** `by` is the vault's authenticated author of the event in words (records repository), never the detail's claim. */
type AuditView = { seq: number; recordId: string; action: string; by: string; detail: Record<string, unknown> | null };

/** The smallest view of the app this needs; core.ts adapts the casework, disclosure, session and meeting-mode services to it. */
export interface ReportSources {
  user(): { name: string; role: 'member' | 'pa'; memberName: string };
  mode(): MeetingMode;
  /** Every request row the signed-in user may read (no locked placeholders). */
  requestRows(): RequestRow[];
  /** Ids of the Member-only requests among them. */
  memberOnlyRequestIds(): Set<string>;
  /** R-USE-1: by request, whether public-meeting mode would hide its words (its subject, say what protected material is about). */
  hiddenInPublicMeeting(): (id: string) => boolean;
  request(id: string): RequestDetail & { memberOnly: boolean };
  /** Member only: the disclosure register. */
  register(): RegisterEntryView[];
  auditTrail(recordId: string): AuditView[];
  /** R-USE-3: an audit event on a Member-only record. */
  audit(recordId: string, action: string, detail: Record<string, unknown>): void;
  /** A command's hold on the session that began it, checked after every wait (see SessionService.begin). */
  begin(interrupted: string): { readonly current: boolean; check(): void; explain(error: unknown): unknown };
}

/**
 * Prints main's own HTML of a report (renderReportHtml) to PDF: Electron's printToPDF in a hidden,
 * sandboxed window made for it (windows/report-window.ts), Chromium's in the harness. Never the
 * user's window, whatever it shows. And the save dialog.
 */
export interface ReportPrinter {
  printToPdf(html: string): Promise<Uint8Array>;
  chooseTarget(suggestedName: string): Promise<string | null>;
}

export const noReportPrinter: ReportPrinter = {
  printToPdf: async () => {
    throw new AppError('unavailable', 'Saving as PDF is not available here.');
  },
  chooseTarget: async () => {
    throw new AppError('unavailable', 'Saving files is not available here.');
  },
};

const OPEN_STATUSES = new Set(['awaiting-acknowledgement', 'acknowledged', 'holding', 'overdue', 'very-overdue', 'escalated']);
const date = (iso: string | null | undefined) => (isIsoDate(iso) ? formatUk(iso) : '');

// R-USE-1 and R-CLS-1: a report without protected content names nothing protected: what public-meeting mode would hide
// (protected material, briefings, personal data, a request's words about them) is named only by its withheld name.
// Member-only records have their own gate (the report's Member-only count), so are not judged here.
const PUBLIC_MEETING: MeetingMode = { kind: 'public-meeting' };
const asModeItem = (m: RequestDetail['materials'][number]): ModeItem => ({
  classification: m.classification,
  meetingId: m.meetingId,
  isBriefing: m.isBriefing,
  personalData: m.personalData,
});
const notIncluded = (name: string) => `Not included: about ${name.toLowerCase()}`;

interface Built {
  report: Report;
  /** Member-only records whose content is in the report: each gets a 'printed' audit event when saved. */
  audited: string[];
}

/** Reports made from the app's own records: built here, gated here, and printed from main's own HTML of what was built. */
export class ReportService {
  constructor(
    private readonly sources: ReportSources,
    private readonly printer: ReportPrinter = noReportPrinter,
    private readonly today: () => string = () => toIsoDate(new Date()),
  ) {}

  get(request: ReportRequest): Report {
    return this.build(request).report;
  }

  async savePdf(request: ReportRequest): Promise<{ file: string | null; bytes: number }> {
    const first = this.build(request);
    // The report, its gate and its audit belong to the session that asked for it, not whoever is unlocked after the dialog.
    const guard = this.sources.begin(lockedBefore('the report was saved', 'save it again'));
    const target = await this.printer.chooseTarget(reportFileName(first.report.title, this.today()));
    if (!target) return { file: null, bytes: 0 };
    guard.check();
    // The dialog may have stayed open a while: the mode may have changed, so the gate runs again.
    const { report, audited } = this.build(request);
    let pdf: Buffer;
    try {
      pdf = Buffer.from(await this.printer.printToPdf(renderReportHtml(report)));
    } catch (error) {
      throw guard.explain(error);
    }
    guard.check();
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('internal', 'The PDF could not be made. Nothing was saved.');
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await writeFile(temp, pdf, { flag: 'wx', mode: 0o600 });
      guard.check();
      // R-USE-3: recorded before the file appears under its name, so no confidential copy exists unaudited.
      for (const id of audited) this.sources.audit(id, 'printed', { report: report.title, file: path.basename(target), bytes: pdf.length });
      await rename(temp, target);
      return { file: target, bytes: pdf.length };
    } catch (error) {
      await rm(temp, { force: true });
      if (!guard.current) throw guard.explain(error);
      if (error instanceof AppError || (error as Error)?.name === 'VaultError') throw error;
      throw new AppError('io', 'The PDF could not be saved there. Nothing was saved.');
    }
  }

  private build(request: ReportRequest): Built {
    const user = this.sources.user();
    const today = this.today();
    const built =
      request.kind === 'outstanding'
        ? this.outstanding(request.includeMemberOnly)
        : request.kind === 'request'
          ? this.requestRecord(request.requestId, request.includeProtected)
          : this.register();
    const decision = mayMakeReport(built.contents, user.role, this.sources.mode());
    if (!decision.allowed) throw new AppError('refused', decision.reason);
    return {
      report: {
        ...built.report,
        madeBy: `Made by ${user.name} on ${formatUk(today)}`,
        watermark: decision.confidential ? confidentialWatermark(user.memberName, today) : null,
      },
      audited: built.audited,
    };
  }

  private outstanding(includeMemberOnly: boolean): {
    report: Omit<Report, 'madeBy' | 'watermark'>;
    contents: ReportContents;
    audited: string[];
  } {
    const memberOnly = this.sources.memberOnlyRequestIds();
    const rows = this.sources
      .requestRows()
      .filter((r) => !r.locked && OPEN_STATUSES.has(r.status) && (includeMemberOnly || !memberOnly.has(r.id)));
    const included = rows.filter((r) => memberOnly.has(r.id)).map((r) => r.id);
    const hidden = this.sources.hiddenInPublicMeeting();
    const byService = new Map<string, RequestRow[]>();
    for (const r of rows) byService.set(r.service || 'No service', [...(byService.get(r.service || 'No service') ?? []), r]);
    const sections: ReportSection[] = [...byService.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, list]) => ({
        heading: service,
        columns: ['Officer', 'Reference', 'Subject', 'Sent', 'Acknowledge by', 'Answer by', 'Status', 'Working days late'],
        rows: list
          .sort((a, b) => a.officerName.localeCompare(b.officerName) || a.target.localeCompare(b.target))
          .map((r) => [
            r.officerName,
            r.reference,
            // A Member-only request's words are in only when asked for, and then the report is watermarked and audited.
            hidden(r.id) && !memberOnly.has(r.id) ? notIncluded('protected material') : r.subject,
            date(r.sentOn),
            date(r.acknowledgeBy),
            date(r.target),
            statusNames[r.status],
            r.workingDaysLate > 0 ? String(r.workingDaysLate) : '',
          ]),
        empty: 'Nothing outstanding.',
      }));
    return {
      report: {
        title: 'Outstanding requests by service and officer',
        notes: [
          `${rows.length} request${rows.length === 1 ? '' : 's'} awaiting an acknowledgement or an answer.`,
          includeMemberOnly ? 'Includes Member-only requests.' : 'Member-only requests are not included.',
          // R-USE-1: say that some are left out, never which.
          ...(this.sources.mode().kind === 'normal' ? [] : [`Requests hidden in ${modeInWords(this.sources.mode())} are not included.`]),
        ],
        sections: sections.length
          ? sections
          : [{ heading: 'All services', columns: ['Officer', 'Reference', 'Subject'], rows: [], empty: 'Nothing outstanding.' }],
      },
      // R-USE-1: in a meeting mode main's rows already leave Member-only requests out; asking for them still meets the gate.
      contents: {
        protectedMaterial: [],
        memberOnlyRecords: includeMemberOnly && this.sources.mode().kind !== 'normal' ? Math.max(1, included.length) : included.length,
      },
      audited: included,
    };
  }

  private requestRecord(
    id: string,
    includeProtected: boolean,
  ): { report: Omit<Report, 'madeBy' | 'watermark'>; contents: ReportContents; audited: string[] } {
    const asked = this.sources.request(id);
    // R-USE-1: without protected content, the Monitoring Officer's advice is left out as public-meeting mode leaves it out.
    const detail = includeProtected ? asked : { ...withoutMoAdviceInDetail(asked, [], PUBLIC_MEETING), memberOnly: asked.memberOnly };
    // R-USE-1: a request the meeting mode hides has no report in it either (main's detail already withholds its words).
    if (detail.withheld) throw new AppError('refused', `${detail.withheld} No report of it is made now.`);
    const shown = detail.materials.filter((m) => includeProtected || isVisibleInMode(asModeItem(m), PUBLIC_MEETING));
    const protectedShown = shown.filter((m) => isProtected(m.classification) || m.isBriefing);
    const unsaid = includeProtected ? null : this.requestWordsWithheld(detail);
    const r = unsaid ? { ...detail.row, subject: unsaid, question: unsaid } : detail.row;
    const d = detail.draft && (unsaid ? { ...detail.draft, justification: unsaid, agendaItem: unsaid } : detail.draft);
    const facts: string[][] = [
      ['Reference', r.reference],
      ['Subject', r.subject],
      ['Officer', `${r.officerName}${r.service ? `, ${r.service}` : ''}`],
      ['Information sought', r.question],
      ['Why the Member needs to know', d?.justification ?? ''],
      ['Capacity', r.capacity],
      ['Route', r.route],
      ['Meeting', r.meetingLabel ? `${r.meetingLabel}${d?.agendaItem ? `: ${d.agendaItem}` : ''}` : ''],
      ['Sent', date(r.sentOn)],
      ['Acknowledge by', date(r.acknowledgeBy)],
      ['Answer by', date(r.target)],
      ['Status', statusNames[r.status]],
      ['Protocol', detail.profileName],
    ].filter(([, v]) => v);
    const timeline = [[date(r.sentOn), 'Sent', '']].concat(
      detail.timeline.map((e) => [
        date(e.on),
        eventName(e.type, e.label),
        [
          unsaid ?? (e.promisedBy ? `${e.note} (promised by ${date(e.promisedBy)})` : e.note),
          ...(unsaid ? [] : e.corrections.map((c) => `Corrected on ${date(c.on)}: ${c.reason}`)),
        ]
          .filter(Boolean)
          .join(' '),
      ]),
    );
    const materials = detail.materials.map((m) => {
      const level = m.isBriefing ? 'Briefing (Member only)' : levelNames[effectiveLevel(m.classification)];
      // A report without protected content names nothing protected: a title or a file name can say what a pink paper is about.
      if (!shown.includes(m)) return [withheldName(asModeItem(m)), date(m.receivedOn), level, '', 'Not included: protected content'];
      return [m.title, date(m.receivedOn), level, m.attachments.map((a) => a.name).join(', '), m.summary];
    });
    // R-USE-1: what the meeting mode hides, main's detail names only by its kind.
    for (const w of detail.withheldMaterials)
      materials.push([w.name, date(w.receivedOn), '', '', 'Not included: hidden in this meeting mode']);
    // Nor by the way: a timeline note (an email's subject, say) can repeat a withheld title or file name.
    const withheldWords = detail.materials.filter((m) => !shown.includes(m)).flatMap(namesOf);
    const scrubbed = timeline.map((row) => row.map((cell) => withoutNames(cell, withheldWords)));
    const notes = [
      includeProtected
        ? 'Includes the content of protected material.'
        : 'Protected material and personal data are not included: neither their content nor their titles, only what kind they are.',
    ];
    if (detail.lockedMaterials > 0)
      notes.push(`${detail.lockedMaterials} Member-only item${detail.lockedMaterials === 1 ? ' is' : 's are'} not shown.`);
    return {
      report: {
        title: `Request ${r.reference}: ${r.subject}`,
        notes,
        sections: [
          { heading: 'The request', columns: ['Item', 'Detail'], rows: facts, empty: '' },
          { heading: 'Timeline', columns: ['Date', 'Event', 'Note'], rows: scrubbed, empty: 'Nothing recorded yet.' },
          {
            heading: 'Material received',
            columns: ['Title', 'Received', 'Classification', 'Files', 'Content'],
            rows: materials,
            empty: 'Nothing received yet.',
          },
        ],
      },
      contents: {
        protectedMaterial: protectedShown.map((m) => ({
          classification: m.classification,
          meetingId: m.meetingId,
          isBriefing: m.isBriefing,
        })),
        memberOnlyRecords: detail.memberOnly ? 1 : 0,
      },
      audited: [...(detail.memberOnly ? [id] : []), ...protectedShown.map((m) => m.id)],
    };
  }

  /**
   * R-USE-1: the words that replace a request's own (subject, question, reasons, timeline notes) in a report without
   * protected content, when public-meeting mode would hide them; null when they may be named.
   */
  private requestWordsWithheld(detail: RequestDetail & { memberOnly: boolean }): string | null {
    const materials = detail.materials.map(asModeItem);
    const locked = detail.lockedMaterials > 0 ? [{ classification: null }] : [];
    const request = { memberOnly: false, meetingId: detail.row.meetingId, materials: [...materials, ...locked] };
    if (isRequestVisibleInMode(request, PUBLIC_MEETING)) return null;
    const first = materials.find((m) => !isVisibleInMode({ ...m, meetingId: m.meetingId ?? request.meetingId }, PUBLIC_MEETING));
    return notIncluded(first ? withheldName(first) : 'protected material');
  }

  private register(): { report: Omit<Report, 'madeBy' | 'watermark'>; contents: ReportContents; audited: string[] } {
    if (this.sources.user().role !== 'member')
      throw new AppError('refused', 'The disclosure register is Member only, so a PA’s report cannot contain it.');
    const entries = this.sources.register();
    const materialIds = [...new Set(entries.map((e) => e.materialId))];
    const sections: ReportSection[] = [
      {
        heading: 'Disclosures',
        columns: ['Date', 'What', 'To whom', 'Ground', 'Evidence', 'Monitoring Officer’s advice'],
        rows: entries.map((e) => [
          date(e.on),
          e.what,
          e.to,
          `(${e.ground}) ${GROUNDS[e.ground]}`,
          describe(e.evidence),
          e.moAdvice ?? 'Not needed',
        ]),
        empty: 'Nothing has been disclosed.',
      },
      ...materialIds.map((id) => ({
        heading: `Audit trail: ${entries.find((e) => e.materialId === id)?.what ?? 'material'}`,
        columns: ['#', 'What happened', 'By', 'When', 'Detail'],
        rows: this.sources.auditTrail(id).map((a) => {
          // Any "by" in the detail is a claim and is not shown; "at" is the time its author recorded.
          const { by: _claimed, at, ...rest } = a.detail ?? {};
          return [String(a.seq), a.action, a.by, typeof at === 'string' ? ukDateTime(at) : '', describe(rest)];
        }),
        empty: 'No events recorded.',
      })),
    ];
    return {
      report: {
        title: 'Disclosure register and audit trail',
        notes: [
          `${entries.length} disclosure${entries.length === 1 ? '' : 's'} recorded. The register and audit trail cannot be rewritten (R-DIS-4, R-USE-3).`,
        ],
        sections,
      },
      contents: { protectedMaterial: [], memberOnlyRecords: Math.max(1, entries.length) },
      audited: materialIds,
    };
  }
}

const isTimelineKind = (type: string): type is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(type);
// The timeline's one list of kinds and their names (shared/domain/timeline), so every kind of entry is named here as on screen.
const eventName = (type: string, label: string): string => (isTimelineKind(type) ? timelineKindNames[type] : label);

function describe(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/id$/i.test(k))
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return parts.replace(',', '');
}
