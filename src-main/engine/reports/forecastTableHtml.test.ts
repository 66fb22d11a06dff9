import { describe, expect, it } from 'vitest';
import { forecastTableHtml } from './runCharts';
import type { ReportRun } from './reportTypes';

describe('forecastTableHtml', () => {
  it('prints each future date with the forecast, both intervals, the method and its coverage', () => {
    const r = {
      run: {},
      forecastTable: {
        rows: [
          {
            step: 1,
            time: '1961-01',
            point: 450.5,
            lower80: 430,
            upper80: 470,
            lower95: 420,
            upper95: 480,
          },
          {
            step: 2,
            time: '1961-02',
            point: 430,
            lower80: 400,
            upper80: 460,
            lower95: null,
            upper95: null,
          },
        ],
        intervalMethod:
          "ETS(M,A,M) prediction intervals (fitted on the training part), centred on the model's forecast",
        coverage: [
          { level: 0.8, coverage: 0.75 },
          { level: 0.95, coverage: 0.9166666666666666 },
        ],
      },
    } as unknown as ReportRun;
    const html = forecastTableHtml(r);
    expect(html).toContain(
      '<tr><th scope="row">1961-01</th><td class="num">450.5</td><td class="num">430 to 470</td><td class="num">420 to 480</td></tr>',
    );
    expect(html).toContain('<td class="num">unbounded</td></tr>');
    expect(html).toContain(
      'Intervals: ETS(M,A,M) prediction intervals (fitted on the training part), centred on the model&#39;s forecast. Coverage of the same intervals on the test part: 80%: 75%, 95%: 91.67%.',
    );
  });

  it('prints nothing without a forecast', () => {
    const r = { run: {}, forecastTable: { rows: [], intervalMethod: null, coverage: [] } };
    expect(forecastTableHtml(r as unknown as ReportRun)).toBe('');
  });
});
