import { describe, expect, it } from 'vitest';
import { forecastTable } from './forecastTable';
import { twoStepForecastRun } from './forecastTable.testkit';

describe('forecastTable', () => {
  it('lists each future step with its date, point and both intervals', () => {
    const table = forecastTable(twoStepForecastRun());
    expect(table.rows).toEqual([
      {
        step: 1,
        time: '1961-01',
        point: 450.5,
        lower80: 430,
        upper80: 470,
        lower95: 420,
        upper95: 480,
      },
      // A non-finite bound is shown as missing, never as a number.
      {
        step: 2,
        time: '1961-02',
        point: 430,
        lower80: 400,
        upper80: 460,
        lower95: null,
        upper95: 480,
      },
    ]);
    expect(table.intervalMethod).toMatch(/^ETS\(M,A,M\) prediction intervals/);
    expect(table.coverage).toEqual([
      { level: 0.8, coverage: 0.75 },
      { level: 0.95, coverage: 11 / 12 },
    ]);
  });
});
