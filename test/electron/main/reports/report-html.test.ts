import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { REPORT_CSP, escapeHtml, renderReportHtml } from '../../../../electron/main/reports/report-html';
import type { Report } from '../../../../shared/ipc/reports';

const report = (over: Partial<Report> = {}): Report => ({
  title: 'Outstanding requests by service and officer',
  madeBy: 'Made by Cllr Jane Smith on 24/11/2026',
  watermark: null,
  notes: ['2 requests awaiting an acknowledgement or an answer.'],
  sections: [
    {
      heading: 'Estates',
      columns: ['Officer', 'Subject'],
      rows: [['Sam Officer', 'Depot disposal valuation']],
      empty: 'Nothing outstanding.',
    },
    { heading: 'Housing', columns: ['Officer', 'Subject'], rows: [], empty: 'Nothing outstanding.' },
  ],
  ...over,
});

describe('the report as main prints it', () => {
  it('is a whole document of the report: title, who made it, notes, each section’s table or its empty line', () => {
    const html = renderReportHtml(report());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Outstanding requests by service and officer</title>');
    expect(html).toContain('<h1>Outstanding requests by service and officer</h1>');
    expect(html).toContain('<p class="hint">Made by Cllr Jane Smith on 24/11/2026</p>');
    expect(html).toContain('<thead><tr><th scope="col">Officer</th><th scope="col">Subject</th></tr></thead>');
    expect(html).toContain('<td class="short">Sam Officer</td><td class="short">Depot disposal valuation</td>');
    expect(html).toContain('<h2>Housing</h2><p>Nothing outstanding.</p>');
    expect(html).not.toContain('class="watermark"');
    expect(renderReportHtml(report())).toBe(html);
  });

  it('escapes every string, so a record’s words cannot become markup or script', () => {
    const evil = '<script>alert(1)</script><img src=x onerror="y">&\'';
    const html = renderReportHtml(
      report({
        title: evil,
        madeBy: evil,
        watermark: evil,
        notes: [evil],
        sections: [{ heading: evil, columns: [evil], rows: [[evil]], empty: evil }],
      }),
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;y&quot;&gt;&amp;&#39;').length - 1).toBe(9);
    expect(escapeHtml('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });

  it('carries its own policy: nothing loads or runs, and only its own style sheet applies (by hash)', () => {
    const html = renderReportHtml(report());
    expect(REPORT_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(REPORT_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
  });

  it('a confidential report is watermarked on every page (a fixed element repeats on each printed page) and marked under its title', () => {
    const html = renderReportHtml(report({ watermark: 'Confidential: Cllr Jane Smith, 24/11/2026' }));
    expect(html).toContain('<div class="watermark" aria-hidden="true">Confidential: Cllr Jane Smith, 24/11/2026</div>');
    expect(html).toContain('<p class="confidential-mark">Confidential: Cllr Jane Smith, 24/11/2026</p>');
    expect(html).toMatch(/\.watermark \{ position: fixed;/);
  });
});
