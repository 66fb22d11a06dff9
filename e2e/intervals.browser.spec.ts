// Intervals and explanations an analyst can trust (issue 13): at horizon 12 on AirPassengers and on
// ldeaths the forecast table has bounded 80% and 95% intervals for every future month, with the
// method named and its coverage on the test part; an explanation survives saving the project,
// reloading the page and opening the project again.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openProject, saveProject } from './fixtures/project';
import { atEachScreen } from './fixtures/screens';
import { expect, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `intervals-${name}.png`);
const projectPath = path.join(
  os.tmpdir(),
  `series-studio-intervals-${randomBytes(6).toString('hex')}.seriesstudio`,
);
// "412.3 to 498.7": both bounds are numbers (an unbounded side reads "unbounded").
const bounded = /^-?[\d,.]+(e[+-]?\d+)? to -?[\d,.]+(e[+-]?\d+)?$/;

test.afterAll(async () => {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}.models`, { recursive: true, force: true });
});

async function openSample(page: Page, name: string): Promise<void> {
  if ((await page.getByTestId('dataset-name').textContent())?.trim() === name) return;
  await page.getByTestId('sample-select').selectOption(name);
  await expect(page.getByTestId('dataset-name')).toHaveText(name);
}

/** Trains on the open dataset once its defaults are on the form (`lookback`: its default lookback). */
async function train(page: Page, horizon: number, lookback: string): Promise<string> {
  const view = page.getByTestId('run-view');
  const previous = (await view.count()) > 0 ? await view.getAttribute('data-run-id') : null;
  await page.getByTestId('tab-model').click();
  // The form loads the dataset's defaults asynchronously; settings typed before would be replaced.
  await expect(page.getByTestId('fit-lookback')).toHaveValue(lookback);
  await page.getByTestId('fit-horizon').fill(String(horizon));
  await page.getByTestId('fit-units').fill('8');
  await page.getByTestId('fit-epochs').fill('4');
  await expect(page.getByTestId('fit-horizon')).toHaveValue(String(horizon));
  await page.getByTestId('train-button').click();
  await expect(view).toHaveAttribute('data-run-id', /^run_/, { timeout: 100_000 });
  await expect(view).not.toHaveAttribute('data-run-id', previous ?? '');
  await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/);
  return (await view.getAttribute('data-run-id')) ?? '';
}

async function screens(page: Page, name: string): Promise<void> {
  await atEachScreen(page, async ({ width, theme }) => {
    await page.getByTestId('forecast-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot(`${name}-${width}-${theme}`) });
  });
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe('browser mode: bounded intervals and kept explanations', () => {
  test('horizon 12 on AirPassengers and ldeaths: bounded 80% and 95% intervals for every month', async ({
    studioPage: page,
  }) => {
    test.setTimeout(300_000);
    for (const [name, lookback] of [
      ['AirPassengers.csv', '24'],
      ['ldeaths.csv', '14'],
    ] as const) {
      await openSample(page, name);
      await train(page, 12, lookback);
      const table = page.getByTestId('forecast-table');
      await expect(table.locator('tbody tr')).toHaveCount(12);
      for (let step = 1; step <= 12; step++) {
        await expect(page.getByTestId(`forecast-80-${step}`)).toHaveText(bounded);
        await expect(page.getByTestId(`forecast-95-${step}`)).toHaveText(bounded);
      }
      // The method is named, with its empirical coverage on the test part.
      await expect(page.getByTestId('forecast-interval-method')).toContainText(
        /Intervals: (split conformal on \d+ validation windows|.+ prediction intervals \(fitted on the rows before the test part\))/,
      );
      await expect(page.getByTestId('forecast-interval-method')).toContainText(
        /Coverage of the same intervals on the test part: 80%: [\d.]+%, 95%: [\d.]+%\./,
      );
      await expect(page.getByTestId('coverage-95')).toContainText(/\d+(\.\d+)?%/);
      await expect(page.getByTestId('coverage-95')).not.toContainText('unbounded');
      await screens(page, name.replace(/\.csv$/, '').toLowerCase());
    }
  });

  test('an explanation survives saving, reloading and reopening the project', async ({
    studioPage: page,
  }) => {
    test.setTimeout(240_000);
    await openSample(page, 'AirPassengers.csv');
    const runId = await train(page, 1, '24');
    await page.getByTestId('tab-runs').click();
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await row.click();
    await page.getByTestId('run-view-explain').click();
    await page.getByTestId('explain-method-perturbation').click();
    await page.getByTestId('explain-windows').selectOption('50');
    await page.getByTestId('explain-compute').click();
    const headline = page.getByTestId('explain-headline');
    // In the target's own units: "+1 in AirPassengers at t−k moves the t+1 forecast by …".
    await expect(headline).toHaveText(
      /^\+1 in AirPassengers at t−\d+ moves the t\+1 forecast by -?[\d.e+-]+ on average/,
    );
    const before = await headline.textContent();
    await expect(page.getByTestId('explain-description')).toContainText(
      'Units: forecast change per +1 unit of the input, in the units of AirPassengers',
    );
    await page.getByTestId('explain-view').screenshot({ path: shot('explain-before') });

    await saveProject(page, 'Intervals project', projectPath);
    const saved = JSON.parse(await readFile(projectPath, 'utf8')) as {
      explanations?: Record<string, { runId: string }>;
    };
    expect(saved.explanations?.[runId]?.runId).toBe(runId);

    // Lose the run, reload the page, open the project: the explanation is back as it was.
    await page.getByTestId('tab-runs').click();
    await row.getByRole('button', { name: /^Delete run/ }).click();
    await expect(row).toHaveCount(0);
    await page.reload();
    await openProject(page, projectPath, 'Intervals project');
    await page.getByTestId('tab-runs').click();
    await row.click();
    await page.getByTestId('run-view-explain').click();
    await expect(page.getByTestId('explain-headline')).toHaveText(before ?? '');
    await page.getByTestId('explain-view').screenshot({ path: shot('explain-reopened') });
  });
});
