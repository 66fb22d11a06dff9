// The Model tab against the real engine: settings, live training curves, a cancelled run (best
// weights kept) and a finished one scored beside the baselines.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { inkedPixels } from './fixtures/charts';
import { expect, sampleTab, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `model-${name}.png`);

async function livePoints(page: Page): Promise<number> {
  return Number((await page.getByTestId('training-live').getAttribute('data-points')) ?? '0');
}

async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.getByTestId(id).fill(value);
}

test.describe('browser mode: model training', () => {
  test('trains with live curves, cancels one run and scores a finished one', async ({
    studioPage: page,
  }) => {
    await sampleTab(page, 'model');
    const panel = page.getByTestId('model-panel');
    await expect(panel).toBeVisible();
    // Defaults for a monthly series: two seasons of lookback, one step ahead.
    await expect(page.getByTestId('fit-lookback')).toHaveValue('24');
    await expect(page.getByTestId('fit-horizon')).toHaveValue('1');

    // A long run to cancel (tens of minutes even with the fused kernels): two wide layers, one
    // window per batch, the most epochs allowed, no early stopping.
    await page.getByTestId('fit-scaler').selectOption('standard');
    await expect(page.getByTestId('fit-range')).toBeDisabled();
    await page.getByTestId('fit-cell').selectOption('gru');
    await page.getByTestId('fit-layers').selectOption('2');
    await fill(page, 'fit-units', '128');
    await fill(page, 'fit-epochs', '10000');
    await fill(page, 'fit-patience', '0');
    await fill(page, 'fit-batch-size', '1');
    await page.getByTestId('train-button').click();

    const live = page.getByTestId('training-live');
    await expect(live).toBeVisible();
    await expect.poll(() => livePoints(page)).toBeGreaterThanOrEqual(2);
    const seen = await livePoints(page);
    await expect.poll(() => livePoints(page)).toBeGreaterThan(seen);
    await expect(page.getByTestId('training-chart').locator('canvas')).toHaveCount(1);
    await expect.poll(() => inkedPixels(page.getByTestId('training-chart'))).toBeGreaterThan(1000);
    await expect(page.getByTestId('training-rate')).toHaveText(/^[\d,]+$/);
    await expect(page.getByTestId('training-eta')).toHaveText(/\d+ (s|min|h)/);
    await expect(page.getByTestId('training-epoch')).toHaveText(/^\d+ \/ 10000$/);
    await page.screenshot({ path: shot('live-training') });

    await page.getByTestId('cancel-training').click();
    await expect(page.getByTestId('run-stopped')).toHaveText('cancelled');
    await expect(page.getByTestId('run-stop-message')).toContainText('best weights');
    await expect(page.getByTestId('metrics-row-model')).toBeVisible();

    // A short run that finishes: min-max to [−1, 1], LSTM.
    await page.getByTestId('fit-reset').click();
    await expect(page.getByTestId('fit-epochs')).toHaveValue('100');
    await page.getByTestId('fit-range').selectOption('-1,1');
    await fill(page, 'fit-units', '8');
    await fill(page, 'fit-epochs', '12');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/, {
      timeout: 60_000,
    });
    const metrics = page.getByTestId('metrics-table');
    await expect(metrics.getByTestId('metrics-row-model')).toContainText(/Model \(LSTM/);
    await expect(metrics.getByTestId('metrics-row-naive')).toContainText('Naive');
    await expect(metrics.getByTestId('metrics-row-seasonalNaive')).toBeVisible();
    // The rolling table's header names sMAPE and states its range (0–200) in the cell's title.
    const smapeHeader = metrics.locator('thead').first().getByText('sMAPE %', { exact: true });
    await expect(smapeHeader).toHaveAttribute('title', 'Symmetric MAPE in percent, from 0 to 200');
    await expect(page.getByTestId('run-verdict')).toContainText('the best baseline');
    await expect(page.getByTestId('run-backend')).toContainText('backend:');
    await expect(page.getByTestId('run-kernel')).toContainText('kernel:');
    await expect(page.getByTestId('coverage-95')).toContainText('95%');
    await expect(page.getByTestId('coverage-80')).toContainText('80%');
    await expect.poll(() => inkedPixels(page.getByTestId('run-chart'))).toBeGreaterThan(3000);
    // A tall window, so element screenshots are not clipped by the scrolling main area.
    await page.setViewportSize({ width: 1400, height: 2200 });
    await page.getByTestId('run-view').screenshot({ path: shot('finished-run') });

    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => inkedPixels(page.getByTestId('run-chart'))).toBeGreaterThan(3000);
    await page.getByTestId('run-view').screenshot({ path: shot('finished-run-dark') });
    await page.getByTestId('fit-settings').screenshot({ path: shot('settings-dark') });
  });
});
