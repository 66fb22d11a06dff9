// The Runs tab against the real engine: two trained runs, their residual diagnostics, a sensitivity
// heatmap with its tooltip, a Diebold-Mariano comparison, a small random search and a backtest.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { inkedPixels } from './fixtures/charts';
import { runBacktest } from './fixtures/backtest';
import { expect, sampleTab, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `runs-${name}.png`);

async function expectInked(chart: Locator, atLeast = 2000): Promise<void> {
  // Heatmaps add hover layers; the first canvas is the drawn chart.
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect.poll(() => inkedPixels(chart)).toBeGreaterThan(atLeast);
}

/** Small, quick settings on the Model tab's form. */
async function smallSettings(page: Page, cell: 'lstm' | 'gru'): Promise<void> {
  await page.getByTestId('fit-cell').selectOption(cell);
  await page.getByTestId('fit-units').fill('8');
  await page.getByTestId('fit-epochs').fill('6');
}

/** Trains and waits for the new run (small fits finish too fast to assert the live view). */
async function train(page: Page): Promise<void> {
  const view = page.getByTestId('run-view');
  const previous = (await view.count()) > 0 ? await view.getAttribute('data-run-id') : null;
  await page.getByTestId('train-button').click();
  await expect(view).toHaveAttribute('data-run-id', /^run_/);
  await expect(view).not.toHaveAttribute('data-run-id', previous ?? '');
  await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/);
}

test.describe('browser mode: runs, diagnostics, search and backtest', () => {
  test('inspects and compares two runs, then searches and backtests', async ({
    studioPage: page,
  }) => {
    // The server lives as long as the worker, so other specs' runs may already be listed.
    await sampleTab(page, 'runs');
    await expect(page.getByTestId('runs-panel')).not.toContainText('Loading runs');
    const before = await page.getByTestId('run-row').count();
    await page.getByTestId('tab-model').click();
    await expect(page.getByTestId('fit-lookback')).toHaveValue('24');
    await smallSettings(page, 'lstm');
    await train(page);
    await smallSettings(page, 'gru');
    await train(page);

    // Both runs are listed; the first one opens its detail with interval bands.
    await page.getByTestId('tab-runs').click();
    const rows = page.getByTestId('run-row');
    await expect(rows).toHaveCount(before + 2);
    // Newest first: this spec's two runs lead the table.
    await page.getByTestId('runs-sort-createdAt').click();
    await page.getByTestId('runs-sort-createdAt').click();
    await expect(page.getByTestId('runs-sort-createdAt')).toHaveText('Created ↓');
    await rows.first().click();
    await expect(page.getByTestId('run-detail')).toBeVisible();
    await expect(page.getByTestId('coverage-95')).toContainText('95%');
    await page.getByTestId('run-chart-bands').check();
    await expectInked(page.getByTestId('run-chart'));

    // Residual diagnostics: verdict cards and the five charts.
    await page.getByTestId('run-view-residuals').click();
    await expect(page.getByTestId('verdict-mean')).toContainText('t-test');
    await expect(page.getByTestId('verdict-autocorrelation')).toContainText('Ljung-Box');
    await expect(page.getByTestId('verdict-normality')).toContainText('Jarque-Bera');
    await expect(page.getByTestId('residuals-moments')).toContainText('mean');
    for (const id of ['histogram', 'scatter', 'time', 'qq', 'acf']) {
      await expectInked(page.getByTestId(`residual-${id}`), 1000);
    }
    await page.getByTestId('residuals-view').screenshot({ path: shot('residuals') });

    // Explain: a perturbation heatmap over up to 50 windows; hovering a cell names it.
    await page.getByTestId('run-view-explain').click();
    await page.getByTestId('explain-method-perturbation').click();
    await page.getByTestId('explain-windows').selectOption('50');
    await page.getByTestId('explain-compute').click();
    const heatmap = page.getByTestId('explain-heatmap');
    await expectInked(heatmap, 5000);
    await expect(page.getByTestId('explain-description')).toContainText('Units:');
    await expectInked(page.getByTestId('explain-lags'), 500);
    // Bring the whole heatmap on screen (earlier specs on this server may have added rows above it).
    await page.setViewportSize({ width: 1400, height: 1600 });
    await heatmap.scrollIntoViewIfNeeded();
    const box = await heatmap.boundingBox();
    if (!box) throw new Error('heatmap has no box');
    // The middle of the plot area (grid: 96 px left, 24 right, 12 top, 72 bottom) is a cell.
    await page.mouse.move(box.x + 96 + (box.width - 120) / 2, box.y + 12 + (box.height - 84) / 2);
    await expect(heatmap).toContainText(/window .* · lag .* · Δ -?\d/);
    await page.getByTestId('explain-view').screenshot({ path: shot('explain') });

    // Compare the two runs: Diebold-Mariano and paired t-test verdicts in words.
    await page.getByTestId('run-pick').nth(0).check();
    await page.getByTestId('run-pick').nth(1).check();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    await expectInked(page.getByTestId('compare-loss'), 1000);
    await page.getByTestId('compare-alternative').selectOption('two-sided');
    await page.getByTestId('compare-run').click();
    await expect(page.getByTestId('dm-verdict')).toHaveText(
      /significant|No test possible|No significant evidence/,
    );
    await expect(page.getByTestId('ttest-verdict')).not.toBeEmpty();
    await page.getByTestId('compare-view').screenshot({ path: shot('compare') });

    // A random search of three trials over small networks.
    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-epochs').fill('3');
    await page.getByTestId('model-view-search').click();
    await page.getByTestId('search-mode-random').click();
    await page.getByTestId('search-values-cell').fill('lstm, gru');
    await page.getByTestId('search-values-units').fill('4, 8');
    await page.getByTestId('search-values-learningRate').fill('0.01');
    await page.getByTestId('search-budget').fill('3');
    await expect(page.getByTestId('search-planned')).toHaveText('3 trial(s)');
    await page.getByTestId('search-run').click();
    await expect(page.getByTestId('search-trial')).toHaveCount(3, { timeout: 60_000 });
    await expect(page.getByTestId('search-trial').first()).toContainText('★');
    await page.getByTestId('search-results').screenshot({ path: shot('search') });

    // A three-fold backtest: fold table, aggregate table, refit note and chart.
    await runBacktest(page, 3, 12, 60_000);
    await expect(page.getByTestId('backtest-refit-note')).not.toBeEmpty();
    await expect(page.getByTestId('backtest-aggregate')).toContainText('RMSE');
    await expectInked(page.getByTestId('backtest-chart'));
    await page.getByTestId('backtest-results').screenshot({ path: shot('backtest') });

    // Every trial became a run.
    await page.getByTestId('tab-runs').click();
    await expect(page.getByTestId('run-row')).toHaveCount(before + 5);
    await page.getByTestId('runs-filter').fill('search');
    await expect(page.getByTestId('run-row').filter({ hasText: '★' }).first()).toBeVisible();
    expect(await page.getByTestId('run-row').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: shot('table') });
  });
});
