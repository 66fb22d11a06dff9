// Collections in browser mode (issue 17), against the real server and engine: a long-format CSV of
// 12 M1 monthly series (e2e/data/m1-monthly-12.csv, columns series, month, sales) is proposed as
// a collection by the import dialog and opened; the sidebar lists and filters its series; one
// global network is trained over it (2 epochs, no ARIMA: a short run); the aggregate table and a
// few series' forecasts are browsed; the project is saved and reopened. A wide CSV of five product
// lines (e2e/fixtures/product-lines-wide.csv: month, then one column per line, E-bikes from 2021)
// is taken as a collection of its columns: the header names it, a series picked in the sidebar
// shows that series and the run's forecasts of it. Screens of each new view in both themes at both
// sizes.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openProject, saveProject } from './fixtures/project';
import { atEachScreen, screenSizes, setTheme } from './fixtures/screens';
import { expect, expectSampleOpen, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `collection-${name}.png`);
const projectPath = path.join(
  os.tmpdir(),
  `series-studio-e2e-collection-${randomBytes(6).toString('hex')}.seriesstudio`,
);
const ids = [
  'MRM1',
  'MRM2',
  'MRM4',
  'MRM5',
  'MRM10',
  'MRM11',
  'MRM12',
  'MRM13',
  'MRM15',
  'MRM16',
  'MRM17',
  'MRM18',
];

/** The methods a run without ARIMA or local networks scores, as the tables name them. */
const scoredMethods = ['Global network', 'ETS', 'Theta', 'Naive', 'Seasonal naive'];

test.afterAll(async () => {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}.models`, { recursive: true, force: true });
});

/**
 * Uploads the file at `file` in the dark theme, then in the light one (the theme toggle sits
 * behind the dialog), checks the import dialog each time and screenshots it at both sizes; the
 * dialog stays open in the light theme.
 */
async function importInEachTheme(
  page: Page,
  file: string,
  shotName: string,
  check: () => Promise<void>,
): Promise<void> {
  const name = path.basename(file);
  const buffer = await readFile(file);
  const dialog = page.getByTestId('import-dialog');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(dialog).toBeVisible();
    await check();
    for (const size of screenSizes) {
      await page.setViewportSize(size);
      await dialog.screenshot({ path: shot(`${shotName}-${theme}-${size.width}`) });
    }
    if (theme === 'dark') {
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
      await expect(dialog).toHaveCount(0);
    }
  }
}

/**
 * From the import dialog: takes the file as a collection (`button`, the proposal's import button),
 * then checks the collection opened: the header's name, the sidebar's count, the layout line and
 * the series listed (by id, in order). Returns the sidebar's series rows.
 */
async function importCollection(
  page: Page,
  button: 'collection-import' | 'collection-wide-import',
  expected: { name: string; count: string; layout: string; series: string[] },
): Promise<Locator> {
  await page.getByTestId(button).click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('dataset-name')).toHaveText(expected.name);
  await expect(page.getByTestId('collection-layout')).toHaveText(expected.layout);
  await expect(page.getByTestId('collection-count')).toHaveText(expected.count);
  const rows = page.getByTestId('collection-series');
  await expect(rows.locator('.id')).toHaveText(expected.series);
  return rows;
}

/** Opens the collection's model view and sets a short global run: `epochs`, no ARIMA. */
async function setUpGlobalRun(page: Page, epochs: number, horizon?: number): Promise<void> {
  await page.getByTestId('collection-view-model').click();
  if (horizon !== undefined) {
    await page.getByTestId('collection-horizon').fill(String(horizon));
    await page.getByTestId('collection-horizon').dispatchEvent('change');
  }
  await page.getByTestId('collection-epochs').fill(String(epochs));
  await page.getByTestId('collection-epochs').dispatchEvent('change');
  await page.getByTestId('collection-arima').uncheck();
}

/**
 * Trains the global run set up, waits for it (a few minutes at most) and checks its summary names
 * the `seriesCount` series; with `watchProgress`, checks the progress shows while it trains.
 */
async function trainGlobalRun(
  page: Page,
  seriesCount: number,
  watchProgress = false,
): Promise<void> {
  await page.getByTestId('collection-train').click();
  if (watchProgress) await expect(page.getByTestId('collection-progress')).toBeVisible();
  await expect(page.getByTestId('collection-run')).toBeVisible({ timeout: 7 * 60_000 });
  await expect(page.getByTestId('collection-run-summary')).toContainText(
    `Global LSTM trained on ${seriesCount} series`,
  );
}

test.describe('browser mode: collections of series', () => {
  // Each test trains a global network: minutes, not the default half minute.
  test.describe.configure({ timeout: 10 * 60_000 });
  // Each test starts once the page's own first open, the sample, is shown.
  test.beforeEach(async ({ studioPage: page }) => {
    await expectSampleOpen(page);
  });

  test('imports a long-format CSV, trains a global model, browses forecasts, saves and reopens', async ({
    studioPage: page,
  }) => {
    const csv = path.join('e2e', 'data', 'm1-monthly-12.csv');
    await importInEachTheme(page, csv, 'import', async () => {
      await expect(page.getByTestId('collection-proposal-text')).toHaveText(
        'A collection of 12 series keyed by series',
      );
      await expect(page.getByTestId('collection-proposal')).toContainText(
        '1,281 rows · 70–132 values per series',
      );
    });
    // The sidebar lists every series; the filter narrows it; picking one shows it.
    const rows = await importCollection(page, 'collection-import', {
      name: 'm1-monthly-12.csv',
      count: '12 series keyed by series · 1,281 rows',
      layout: 'A collection of 12 series keyed by series · time month · target sales',
      series: ids,
    });
    await page.getByTestId('collection-filter').fill('mrm1');
    await expect(rows.locator('.id')).toHaveText(ids.filter((id) => id.startsWith('MRM1')));
    await page.getByTestId('collection-filter').fill('');
    await rows.filter({ hasText: 'MRM4' }).click();
    const view = page.getByTestId('collection-series-view');
    await expect(view.locator('h2')).toHaveText('MRM4');
    await expect(view).toContainText('70');
    await expect(page.getByTestId('collection-series-frequency')).toHaveText(
      'monthly (season of 12)',
    );
    await expect(page.getByTestId('collection-series-chart')).toBeVisible();
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`series-${s.theme}-${s.width}`) });
    });

    // One global network over the collection, scored per series.
    await setUpGlobalRun(page, 2);
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`model-${s.theme}-${s.width}`) });
    });
    await trainGlobalRun(page, 12, true);
    await expect(page.getByTestId('collection-run-summary')).toContainText(
      'Scores compare the 12 of 12 series every method forecast.',
    );
    const aggregate = page.getByTestId('collection-aggregate');
    await expect(aggregate.locator('tbody th')).toHaveText(scoredMethods);
    // Browse a few series' forecasts.
    await expect(page.getByTestId('collection-run-series')).toHaveValue('MRM1');
    await page.getByTestId('collection-run-next').click();
    await expect(page.getByTestId('collection-run-series')).toHaveValue('MRM2');
    await page.getByTestId('collection-run-series').selectOption('MRM10');
    await expect(page.getByTestId('collection-forecast-chart')).toBeVisible();
    await expect(page.getByTestId('collection-series-scores').locator('tbody th')).toHaveText(
      scoredMethods,
    );
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`run-${s.theme}-${s.width}`) });
    });

    // Save, reload, reopen: the collection and its run come back.
    await saveProject(page, 'Collection project', projectPath);
    const saved = JSON.parse(await readFile(projectPath, 'utf8')) as {
      collections: { name: string; layout: unknown }[];
      collectionRuns: { series: unknown[] }[];
    };
    expect(saved.collections.map((c) => [c.name, c.layout])).toEqual([
      ['m1-monthly-12.csv', { idColumn: 'series', timeColumn: 'month', target: 'sales' }],
    ]);
    expect(saved.collectionRuns.map((r) => r.series.length)).toEqual([12]);
    await page.reload();
    await openProject(page, projectPath, 'Collection project');
    await expect(page.getByTestId('collection-count')).toHaveText(
      '12 series keyed by series · 1,281 rows',
    );
    await rows.filter({ hasText: 'MRM12' }).click();
    await page.getByTestId('collection-view-runs').click();
    await expect(page.getByTestId('collection-aggregate').locator('tbody tr')).toHaveCount(5);
    await page.screenshot({ path: shot('reopened') });
  });

  test("takes a wide CSV's numeric columns as a collection; a picked series shows with its forecasts", async ({
    studioPage: page,
  }) => {
    const csv = path.join('e2e', 'fixtures', 'product-lines-wide.csv');
    const lines = ['Bikes', 'Helmets', 'Locks', 'Lights & bells', 'E-bikes'];
    await importInEachTheme(page, csv, 'wide-import', async () => {
      await expect(page.getByTestId('collection-wide-text')).toHaveText(
        'Take the 5 numeric columns as a collection of 5 series',
      );
      // Beside it, the file can still be imported as one dataset, or read as long format.
      await expect(page.getByTestId('import-confirm')).toBeEnabled();
      await expect(
        page.getByRole('button', {
          name: 'Read this file as a collection of series (one column names the series)…',
        }),
      ).toBeVisible();
    });
    // The header names the collection, not the sample dataset still open; no dataset tab is lit.
    const rows = await importCollection(page, 'collection-wide-import', {
      name: 'product-lines-wide.csv',
      count: '5 series, one per column · 60 rows',
      layout: 'A collection of 5 series, one per column · time month',
      series: lines,
    });
    await expect(page.getByTestId('header-collection')).toHaveText('collection of 5 series');
    await expect(page.getByRole('tab', { selected: true })).toHaveText(['Series']);
    await expect(page.getByTestId('column-list')).toHaveCount(0);
    await expect(rows.locator('.stats')).toHaveText([
      '60 · monthly',
      '60 · monthly',
      '60 · monthly',
      '60 · monthly',
      '36 · monthly',
    ]);

    // Back to the datasets, then a series picked in the sidebar: that series, not Explore.
    await page.getByRole('button', { name: 'Back to datasets' }).click();
    await expectSampleOpen(page);
    await expect(page.getByTestId('collection-workspace')).toHaveCount(0);
    await rows.filter({ hasText: 'E-bikes' }).click();
    const view = page.getByTestId('collection-series-view');
    await expect(view.locator('h2')).toHaveText('E-bikes');
    await expect(page.getByTestId('dataset-name')).toHaveText('product-lines-wide.csv');
    await expect(view.locator('dd')).toHaveText([
      '36',
      'monthly (season of 12)',
      '2021-01-01',
      '2023-12-01',
    ]);
    await expect(page.getByTestId('collection-series-chart')).toBeVisible();
    await expect(page.getByTestId('collection-series-forecast')).toHaveCount(0);

    // A short global run; a series picked afterwards shows the run's forecasts of it, and the
    // run view shows the same series.
    await setUpGlobalRun(page, 2, 12);
    await trainGlobalRun(page, 5);
    await rows.filter({ hasText: 'Helmets' }).click();
    await expect(view.locator('h2')).toHaveText('Helmets');
    const forecast = page.getByTestId('collection-series-forecast');
    await expect(forecast.getByTestId('collection-forecast-chart')).toBeVisible();
    await expect(forecast.getByTestId('collection-series-scores').locator('tbody th')).toHaveText(
      scoredMethods,
    );
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`wide-series-${s.theme}-${s.width}`), fullPage: true });
    });
    await page.getByTestId('collection-view-runs').click();
    await expect(page.getByTestId('collection-run-series')).toHaveValue('Helmets');
    // Browsing the run moves the sidebar's mark along.
    await page.getByTestId('collection-run-series').selectOption('Bikes');
    await expect(rows.and(page.locator('.current')).locator('.id')).toHaveText('Bikes');
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`wide-run-${s.theme}-${s.width}`), fullPage: true });
    });

    // Saved in the project with its layout, and reopened.
    const project = projectPath.replace(/\.seriesstudio$/, '-wide.seriesstudio');
    await saveProject(page, 'Product lines', project);
    const saved = JSON.parse(await readFile(project, 'utf8')) as {
      collections: { name: string; layout: unknown }[];
    };
    expect(saved.collections.map((c) => [c.name, c.layout])).toEqual([
      ['product-lines-wide.csv', { kind: 'wide', timeColumn: 'month' }],
    ]);
    await page.reload();
    await openProject(page, project, 'Product lines');
    await rows.filter({ hasText: 'Locks' }).click();
    await expect(view.locator('h2')).toHaveText('Locks');
    await expect(page.getByTestId('collection-series-forecast')).toBeVisible();
    await rm(project, { force: true });
    await rm(`${project}.models`, { recursive: true, force: true });
  });
});
