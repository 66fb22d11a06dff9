// The forecast and its verdict against the real engine (browser mode): a trained run is judged
// against its best baseline with a Diebold–Mariano p-value, colours follow that verdict in the run
// view, the runs table and the backtest, the ensemble members' spread and the ETS and Theta
// forecasts stand beside the model's; and a report of a run on a dataset other than the selected
// one describes the run's own dataset only.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { inkedPixels } from './fixtures/charts';
import { atEachScreen } from './fixtures/screens';
import { runBacktest } from './fixtures/backtest';
import { expect, expectSampleOpen, sampleTab, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `forecast-${name}.png`);

async function train(page: Page): Promise<void> {
  const view = page.getByTestId('run-view');
  const previous = (await view.count()) > 0 ? await view.getAttribute('data-run-id') : null;
  await page.getByTestId('fit-units').fill('8');
  await page.getByTestId('fit-epochs').fill('8');
  await page.getByTestId('train-button').click();
  await expect(view).toHaveAttribute('data-run-id', /^run_/, { timeout: 90_000 });
  await expect(view).not.toHaveAttribute('data-run-id', previous ?? '');
  await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/);
}

/** A table cell's number as the table prints it ("1,234.5" → 1234.5). */
async function cellNumber(cell: Locator): Promise<number> {
  return Number((await cell.innerText()).replace(/,/g, '').trim());
}

/** Screenshots of what `show` puts on screen, at both sizes, in both themes. */
async function shots(page: Page, name: string, show: () => Promise<void>): Promise<void> {
  await atEachScreen(page, async ({ width, theme }) => {
    await show();
    await page.screenshot({ path: shot(`${name}-${width}-${theme}`) });
  });
}

test.describe('browser mode: forecasts and verdicts', () => {
  test('judges a run against its best baseline and shows the members, ETS and Theta', async ({
    studioPage: page,
  }) => {
    await sampleTab(page, 'model');
    await page.getByTestId('fit-horizon').fill('6');
    await train(page);

    // The verdict names the baseline with the lowest test RMSE of the table, in words.
    const verdict = page.getByTestId('run-verdict');
    await expect(verdict).toContainText('the best baseline');
    const rows = page.locator(
      '[data-testid^="metrics-row-"]:not([data-testid="metrics-row-model"])',
    );
    const count = await rows.count();
    let best = { key: '', shown: '', rmse: Infinity };
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const rmse = await cellNumber(row.locator('td').first());
      if (rmse < best.rmse)
        best = {
          key: ((await row.getAttribute('data-testid')) ?? '').replace('metrics-row-', ''),
          shown: (await row.locator('td').first().innerText()).trim(),
          rmse,
        };
    }
    // ETS, Theta and ARIMA are scored beside naive, seasonal naive and the mean.
    await expect(page.getByTestId('metrics-row-ets')).toContainText('ETS(');
    await expect(page.getByTestId('metrics-row-theta')).toContainText('Theta');
    await expect(verdict).toHaveAttribute('data-baseline', best.key);
    const outcome = (await verdict.getAttribute('data-outcome')) ?? '';
    const words = {
      beats: 'The model beats',
      'no-difference': 'No significant difference from',
      loses: 'The model loses to',
    }[outcome];
    expect(words, `outcome ${outcome}`).toBeDefined();
    await expect(verdict).toContainText(`${words ?? ''} `);
    await expect(verdict).toContainText(/Diebold–Mariano p (=|<) 0\.\d{4}/);
    await expect(page.getByTestId('verdict-dm')).toContainText('HLN correction, h = 6');
    // The colour follows the verdict.
    const tone = { beats: 'good', 'no-difference': 'even', loses: 'bad' }[outcome] ?? '';
    await expect(verdict).toHaveClass(new RegExp(`\\b${tone}\\b`));
    // A classical method that did better is offered as the forecast, and exported as such.
    const offer = page.getByTestId('use-baseline-forecast');
    const offered = (await verdict.innerText()).includes('you can use its forecast instead');
    if (offered) {
      const label = ((await offer.innerText()).match(/^Use the (.+) forecast$/) ?? [])[1] ?? '';
      expect(label).toMatch(/^(ARIMA|ETS|Theta)/);
      const downloading = page.waitForEvent('download');
      await offer.click();
      const csv = await readFile(await (await downloading).path(), 'utf8');
      const lines = csv.trim().split('\n');
      expect(lines[0]).toMatch(/,forecast_by$/);
      const forecastRows = lines.filter((l) => l.startsWith('forecast,'));
      expect(forecastRows).toHaveLength(6);
      for (const row of forecastRows) expect(row.endsWith(`,"${label}"`)).toBe(true);
    } else {
      await expect(offer).toHaveCount(0);
    }

    // The h-step forecast from one origin, beside the rolling one-step table.
    await expect(page.getByTestId('hstep-heading')).toContainText(
      '6-step forecast from one origin',
    );
    await expect(page.getByTestId('hstep-row-model')).toBeVisible();
    await expect(page.getByTestId('hstep-row-ets')).toBeVisible();

    // The ensemble's members and the ETS and Theta forecasts beside the model's forecast.
    const chart = page.getByTestId('run-chart');
    await expect(page.getByTestId('run-chart-spread')).toContainText(
      /^\d+ ensemble members, combined by the median\.\s+Their forecasts for the first future step range from\s+[\d,.]+\s+to\s+[\d,.]+/,
    );
    // The members trained on both cores: the engine started its member thread when the studio
    // asked for its backend, long before this fit.
    const threads = page.getByTestId('run-threads');
    if (os.availableParallelism() >= 2) {
      await expect(threads).toHaveText('members: 2 threads');
      await expect(threads).toHaveAttribute(
        'title',
        /^5 members trained in parallel on 2 threads \([1-4] on a second thread\)$/,
      );
    } else await expect(threads).toHaveText('members: one thread');
    const peers = page.getByTestId('run-chart-peers');
    await expect(peers.locator('..')).toContainText(/ETS\(.+\) and Theta forecasts/);
    await expect.poll(() => inkedPixels(chart)).toBeGreaterThan(3000);
    const withPeers = await inkedPixels(chart);
    await peers.uncheck();
    await expect.poll(() => inkedPixels(chart)).toBeLessThan(withPeers);
    const withoutPeers = await inkedPixels(chart);
    await page.getByTestId('run-chart-members').uncheck();
    await expect.poll(() => inkedPixels(chart)).toBeLessThan(withoutPeers);
    await page.getByTestId('run-chart-members').check();
    await peers.check();
    await expect.poll(() => inkedPixels(chart)).toBe(withPeers);

    await shots(page, 'verdict', async () => {
      await verdict.scrollIntoViewIfNeeded();
    });
    await shots(page, 'chart', async () => {
      await chart.scrollIntoViewIfNeeded();
    });

    // The runs table colours the run's RMSE by the same verdict.
    const runId = (await page.getByTestId('run-view').getAttribute('data-run-id')) ?? '';
    await page.getByTestId('tab-runs').click();
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row.getByTestId('run-rmse')).toHaveAttribute('data-outcome', outcome);
    await expect(row.getByTestId('run-rmse')).toHaveClass(new RegExp(`\\b${tone}\\b`));
    // The best baseline's RMSE, printed as the metrics table prints it.
    await expect(row.getByTestId('run-best-baseline')).toContainText(best.shown);
    await shots(page, 'runs-table', async () => {
      await page.getByTestId('runs-table').scrollIntoViewIfNeeded();
    });

    // A two-fold backtest: each fold coloured against its best baseline, both kinds of metrics.
    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-epochs').fill('4');
    await runBacktest(page, 2, 6, 110_000);
    await expect(page.getByTestId('backtest-verdict')).toContainText(
      'the best baseline over the folds',
    );
    const foldRmse = page.getByTestId('backtest-fold-rmse');
    for (let i = 0; i < 2; i++)
      await expect(foldRmse.nth(i)).toHaveAttribute('data-outcome', /^(beats|loses|tie)$/);
    await expect(page.getByTestId('backtest-aggregate')).toContainText('Seasonal naive');
    await expect(page.getByTestId('backtest-one-step-heading')).toContainText(
      'Rolling one-step: the first forecast step of every fold, pooled',
    );
    await expect(page.getByTestId('backtest-one-step')).toContainText('MASE');
    await shots(page, 'backtest', async () => {
      await page.getByTestId('backtest-results').scrollIntoViewIfNeeded();
    });
  });

  test('reports a run on its own dataset, whichever dataset is selected', async ({
    studioPage: page,
  }) => {
    // The startup sample first: a sample picked while it is still importing supersedes it.
    await expectSampleOpen(page);
    await page.getByTestId('sample-select').selectOption('Nile.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('Nile.csv');
    await page.getByTestId('tab-model').click();
    await train(page);
    // Back to AirPassengers in the sidebar, then a report of the Nile run alone.
    await page
      .getByTestId('dataset-list')
      .getByRole('button', { name: /^AirPassengers\.csv/ })
      .click();
    await expectSampleOpen(page);
    await page.getByTestId('report-open').click();
    const dialog = page.getByTestId('report-dialog');
    await expect(dialog).toBeVisible();
    const boxes = dialog.getByTestId('report-runs').locator('label');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      const input = box.locator('input');
      const nile = (await box.innerText()).includes('Nile.csv');
      if (nile !== (await input.isChecked())) await input.click();
    }
    await expect(dialog).toContainText(/Runs \(1 of \d+\)/);
    await page.getByTestId('report-title').fill('Nile report');
    await page.getByTestId('report-format-pdf').click();
    const downloading = page.waitForEvent('download', { timeout: 110_000 });
    await page.getByTestId('report-export').click();
    const download = await downloading;
    const file = await download.path();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // The run's dataset, its 100 rows and its own column; nothing of AirPassengers (144 rows).
    expect(text).toContain('Nile.csv');
    expect(text).toMatch(/Rows\s+100\b/);
    expect(text).toContain('Column Nile, n = ');
    expect(text).not.toContain('AirPassengers');
    expect(text).not.toMatch(/Rows\s+144\b/);
    expect(text).not.toContain('1960-12');
    // No machine internals or code names.
    expect(text).toContain('WebAssembly');
    expect(text).not.toMatch(/node_modules|\/out\/main|tfjs-node|seasonalNaive|interval lower/);
    execFileSync('pdftoppm', [
      '-r',
      '70',
      '-png',
      file,
      path.join('test-results', 'forecast-report'),
    ]);
  });
});
