import { describe, expect, it } from 'vitest';
import { forecastTable } from '../../shared/charts/forecastTable';
import { twoStepForecastRun } from '../../shared/charts/forecastTable.testkit';
import { forecastTableHtml } from './runCharts';
import type { ReportRun } from './reportTypes';

describe('forecastTableHtml', () => {
  it('prints each future date with the forecast, both intervals, the method and its coverage', () => {
    const r = {
      run: {},
      forecastTable: forecastTable(twoStepForecastRun()),
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
