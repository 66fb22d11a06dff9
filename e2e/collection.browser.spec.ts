// Collections in browser mode (issue 17), against the real server and engine: a long-format CSV of
// 12 M1 monthly series (e2e/data/m1-monthly-12.csv, columns series, month, sales) is proposed as
// a collection by the import dialog and opened; the sidebar lists and filters its series; one
// global network is trained over it (2 epochs, no ARIMA: a short run); the aggregate table and a
// few series' forecasts are browsed; the project is saved and reopened. Screens of each new view
// in both themes at both sizes.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { atEachScreen, screenSizes, setTheme } from './fixtures/screens';
import { expect, test } from './fixtures/studio';

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

test.afterAll(async () => {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}.models`, { recursive: true, force: true });
});

test.describe('browser mode: collections of series', () => {
  test('imports a long-format CSV, trains a global model, browses forecasts, saves and reopens', async ({
    studioPage: page,
  }) => {
    test.setTimeout(10 * 60_000);
    await expect(page.getByTestId('dataset-name')).toHaveText('AirPassengers.csv');
    const csv = await readFile(path.join('e2e', 'data', 'm1-monthly-12.csv'));
    const dialog = page.getByTestId('import-dialog');
    // The theme toggle sits behind the dialog: the file is opened once per theme.
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      await page
        .getByTestId('upload-input')
        .setInputFiles({ name: 'm1-monthly-12.csv', mimeType: 'text/csv', buffer: csv });
      await expect(dialog).toBeVisible();
      await expect(page.getByTestId('collection-proposal-text')).toHaveText(
        'A collection of 12 series keyed by series',
      );
      await expect(page.getByTestId('collection-proposal')).toContainText(
        '1,281 rows · 70–132 values per series',
      );
      for (const size of screenSizes) {
        await page.setViewportSize(size);
        await dialog.screenshot({ path: shot(`import-${theme}-${size.width}`) });
      }
      if (theme === 'dark') {
        await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
        await expect(dialog).toHaveCount(0);
      }
    }
    await page.getByTestId('collection-import').click();
    await expect(dialog).toHaveCount(0);

    // The sidebar lists every series; the filter narrows it; picking one shows it.
    await expect(page.getByTestId('collection-count')).toHaveText(
      '12 series keyed by series · 1,281 rows',
    );
    const rows = page.getByTestId('collection-series');
    await expect(rows.locator('.id')).toHaveText(ids);
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
    await page.getByTestId('collection-view-model').click();
    await page.getByTestId('collection-epochs').fill('2');
    await page.getByTestId('collection-epochs').dispatchEvent('change');
    await page.getByTestId('collection-arima').uncheck();
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`model-${s.theme}-${s.width}`) });
    });
    await page.getByTestId('collection-train').click();
    await expect(page.getByTestId('collection-progress')).toBeVisible();
    await expect(page.getByTestId('collection-run')).toBeVisible({ timeout: 7 * 60_000 });
    await expect(page.getByTestId('collection-run-summary')).toContainText(
      'Global LSTM trained on 12 series',
    );
    await expect(page.getByTestId('collection-run-summary')).toContainText(
      'Scores compare the 12 of 12 series every method forecast.',
    );
    const aggregate = page.getByTestId('collection-aggregate');
    await expect(aggregate.locator('tbody th')).toHaveText([
      'Global network',
      'ETS',
      'Theta',
      'Naive',
      'Seasonal naive',
    ]);
    // Browse a few series' forecasts.
    await expect(page.getByTestId('collection-run-series')).toHaveValue('MRM1');
    await page.getByTestId('collection-run-next').click();
    await expect(page.getByTestId('collection-run-series')).toHaveValue('MRM2');
    await page.getByTestId('collection-run-series').selectOption('MRM10');
    await expect(page.getByTestId('collection-forecast-chart')).toBeVisible();
    await expect(page.getByTestId('collection-series-scores').locator('tbody th')).toHaveText([
      'Global network',
      'ETS',
      'Theta',
      'Naive',
      'Seasonal naive',
    ]);
    await atEachScreen(page, async (s) => {
      await page.screenshot({ path: shot(`run-${s.theme}-${s.width}`) });
    });

    // Save, reload, reopen: the collection and its run come back.
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-title').fill('Collection project');
    await page.getByTestId('project-path').fill(projectPath);
    await page.getByTestId('project-save-confirm').click();
    await expect(page.getByTestId('status-message')).toContainText(
      `Saved project to ${projectPath}`,
    );
    const saved = JSON.parse(await readFile(projectPath, 'utf8')) as {
      collections: { name: string; layout: unknown }[];
      collectionRuns: { series: unknown[] }[];
    };
    expect(saved.collections.map((c) => [c.name, c.layout])).toEqual([
      ['m1-monthly-12.csv', { idColumn: 'series', timeColumn: 'month', target: 'sales' }],
    ]);
    expect(saved.collectionRuns.map((r) => r.series.length)).toEqual([12]);
    await page.reload();
    await page.getByTestId('project-open').click();
    await page.getByTestId('open-project-path').fill(projectPath);
    await page.getByTestId('project-open-confirm').click();
    await expect(page.getByTestId('status-message')).toContainText(
      'Opened project "Collection project"',
    );
    await expect(page.getByTestId('collection-count')).toHaveText(
      '12 series keyed by series · 1,281 rows',
    );
    await rows.filter({ hasText: 'MRM12' }).click();
    await page.getByTestId('collection-view-runs').click();
    await expect(page.getByTestId('collection-aggregate').locator('tbody tr')).toHaveCount(5);
    await page.screenshot({ path: shot('reopened') });
  });
});
