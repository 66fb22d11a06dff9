import { describe, expect, it } from 'vitest';
import { buildReportHtml } from './buildReportHtml';
import { MODEL_METRICS_SHOWN, fullReportInput } from './reportFixture.testkit';
import { REPORT_HEADINGS, REPORT_SECTIONS, type ReportSection } from './reportSections';

const html = buildReportHtml(fullReportInput());
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('buildReportHtml', () => {
  it('contains every heading when all sections are selected', () => {
    for (const s of REPORT_SECTIONS) expect(html, s).toContain(REPORT_HEADINGS[s]);
    // Per-run sections appear once per run (two runs).
    expect(count(html, `>${REPORT_HEADINGS.metrics}<`)).toBe(2);
    expect(count(html, `>${REPORT_HEADINGS.comparison}<`)).toBe(1);
  });

  it('shows the metric values with four significant digits and NaN as a dash', () => {
    // First run's metrics table, in table order RMSE, MAE, MAPE, sMAPE, MASE, R², MSE.
    const table = html.slice(
      html.indexOf(REPORT_HEADINGS.metrics),
      html.indexOf(REPORT_HEADINGS.actualVsPredicted),
    );
    for (const v of MODEL_METRICS_SHOWN) expect(table).toContain(`<td class="num">${v}</td>`);
    expect(table).toMatch(
      /<th scope="row">MASE<\/th><td class="num">—<\/td><td class="num">1\.5<\/td>/,
    );
    // Baselines beside the model: naive RMSE 30.25, seasonal naive 25.13 (25.125 → 4 digits), mean 40.
    expect(table).toMatch(
      /<th scope="row">RMSE<\/th><td class="num">12\.35<\/td><td class="num">30\.25<\/td><td class="num">25\.13<\/td><td class="num">40<\/td>/,
    );
  });

  it('leaves deselected sections out', () => {
    const keep: ReportSection[] = ['title', 'metrics', 'stationarity'];
    const partial = buildReportHtml({ ...fullReportInput(), sections: keep });
    for (const s of REPORT_SECTIONS) {
      if (keep.includes(s)) expect(partial).toContain(REPORT_HEADINGS[s]);
      else expect(partial, s).not.toContain(REPORT_HEADINGS[s]);
    }
    expect(partial).not.toContain('<svg');
  });

  it('escapes user text everywhere', () => {
    expect(html).toContain('Airline &lt;study&gt; &amp; &quot;friends&quot;');
    // The file by its name alone: no folders of this machine in a report.
    expect(html).toContain('<td>demo &lt;2024&gt;.csv</td>');
    expect(html).not.toContain('/data/');
    expect(html).not.toContain('<study>');
    const evil = buildReportHtml({
      ...fullReportInput(),
      title: '<script>alert(1)</script>',
      sections: ['title'],
    });
    expect(evil).not.toContain('<script>');
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is self-contained: inline charts, no scripts, no external resources', () => {
    expect(count(html, '<svg')).toBeGreaterThanOrEqual(15);
    // url(#…) are in-document clip-path references inside the SVGs.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    // The only URLs are SVG namespace names, which are never fetched.
    const urls = html.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(new Set(urls)).toEqual(
      new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']),
    );
  });

  it('names the import choices, the ACF method and the DM verdict', () => {
    const input = fullReportInput();
    expect(html).toContain('passengers: 2 missing values filled by linear interpolation');
    expect(html).toContain('ACF, 95% Bartlett band');
    expect(html).toContain('1950-01 to 1953-12');
    const verdict = input.comparison?.dm?.verdict ?? '';
    expect(verdict.length).toBeGreaterThan(0);
    expect(html).toContain(
      verdict.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
  });

  it('says when a run has no residual diagnostics instead of dropping the heading', () => {
    const input = fullReportInput();
    const runs = (input.runs ?? []).map(({ residuals: _r, ...rest }) => rest);
    const out = buildReportHtml({ ...input, runs, sections: ['residuals'] });
    expect(count(out, 'Residual diagnostics were not computed for this run.')).toBe(2);
  });
});
