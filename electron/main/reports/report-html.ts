// The report as main prints it: a whole HTML document made from the report main built and gated,
// never from the page on screen. No script, no image, no link: only text and one style sheet,
// allowed by its hash in the document's own Content Security Policy.
import { createHash } from 'node:crypto';
import type { Report } from '../../../shared/ipc/reports';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every string from a record goes through this: a title cannot become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// The report's look follows the app's own report page (renderer/styles.css, "Reports"). A fixed
// element is repeated by Chromium on every printed page, so a confidential report's watermark is on
// each page, not only the first.
const STYLE = `
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
html { font-family: system-ui, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1d1d1b; background: #fff; }
body { margin: 0; }
h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; break-after: avoid; }
.hint { color: #4a4a46; }
.confidential-mark { font-weight: 700; color: #a4161a; border: 2px solid #a4161a; padding: 0.25rem 0.5rem; display: inline-block; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-30deg); font-size: 28pt; font-weight: 700; color: rgba(160, 0, 0, 0.18); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 9pt; }
th, td { text-align: left; padding: 0.4rem 0.75rem; border-bottom: 1px solid #c9c9c3; vertical-align: top; }
thead { display: table-header-group; }
thead th { border-bottom: 2px solid #1d1d1b; }
tr { break-inside: avoid; }
td.short { white-space: nowrap; }
`;

/** The policy the report document carries: nothing loads or runs; its one style sheet is allowed by hash. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;

function section(s: Report['sections'][number]): string {
  const heading = `<h2>${escapeHtml(s.heading)}</h2>`;
  if (s.rows.length === 0) return `<section>${heading}<p>${escapeHtml(s.empty)}</p></section>`;
  const head = s.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = s.rows
    .map(
      (row) =>
        // Short cells (dates, references, names) never wrap, so long subjects get the width.
        `<tr>${row.map((cell) => `<td${cell.length <= 24 ? ' class="short"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<section>${heading}<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

/** The report main built, as the document the hidden report window prints (pure: same report, same bytes). */
export function renderReportHtml(report: Report): string {
  const mark = report.watermark ? escapeHtml(report.watermark) : null;
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    mark ? `<div class="watermark" aria-hidden="true">${mark}</div>` : '',
    '<article>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    mark ? `<p class="confidential-mark">${mark}</p>` : '',
    `<p class="hint">${escapeHtml(report.madeBy)}</p>`,
    ...report.notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    ...report.sections.map(section),
    '</article></body></html>',
  ]
    .filter(Boolean)
    .join('\n');
}
