// Session state and feedback in browser mode (issue 13): a reload keeps the open datasets and the
// project's title, Ctrl+S saves, and at 1280×800 no table scrolls sideways or clips a column.
import { randomBytes } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { atEachScreen } from './fixtures/screens';
import { runBacktest } from './fixtures/backtest';
import { expect, expectSampleOpen, test } from './fixtures/studio';

const projectPath = path.join(
  os.tmpdir(),
  `series-studio-session-e2e-${randomBytes(6).toString('hex')}.seriesstudio`,
);

test.afterAll(async () => {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}.bak`, { force: true });
  await rm(`${projectPath}.models`, { recursive: true, force: true });
});

/** The screen at both sizes in both themes, ending at 1280×800 in the light theme. */
async function shots(page: Page, name: string, before?: () => Promise<void>): Promise<void> {
  await atEachScreen(page, async ({ width, height, theme }) => {
    await before?.();
    await page.screenshot({
      path: path.join('test-results', `session-${name}-${width}x${height}-${theme}.png`),
    });
  });
}

/**
 * Horizontal overflow of a table's scroll box (its .table-scroll wrapper, else its parent), and how
 * far its rightmost cell reaches past that box (clipped columns).
 */
async function overflow(
  table: Locator,
): Promise<{ scroll: number; client: number; cellsPastBox: number }> {
  return table.evaluate((el) => {
    const box = el.closest('.table-scroll') ?? el.parentElement ?? el;
    const right = box.getBoundingClientRect().right;
    const cells = [...el.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right);
    return {
      scroll: box.scrollWidth,
      client: box.clientWidth,
      cellsPastBox: Math.max(0, Math.round(Math.max(...cells) - right)),
    };
  });
}

async function expectNoSideScroll(page: Page, tables: Locator[]): Promise<void> {
  for (const table of tables) {
    await expect(table).toBeVisible();
    const { scroll, client, cellsPastBox } = await overflow(table);
    expect(scroll, `${String(table)} scrolls sideways`).toBeLessThanOrEqual(client);
    expect(cellsPastBox, `${String(table)} has clipped columns`).toBe(0);
  }
  const main = await page.locator('main').evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(main.scroll).toBeLessThanOrEqual(main.client);
}

test.describe('browser mode: session state and feedback', () => {
  test('a reload keeps the open datasets and the project title; Ctrl+S saves', async ({
    studioPage: page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expectSampleOpen(page);
    await expect(page.getByTestId('backend')).not.toContainText('/');
    await page.getByTestId('sample-select').selectOption('Nile.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('Nile.csv');
    await page.getByTestId('sample-select').selectOption('lynx.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('lynx.csv');
    const list = page.getByTestId('dataset-list');
    await expect(list.getByRole('button', { name: /^Close / })).toHaveCount(3);

    // Switching back says what is shown now, not the last import.
    await list.getByRole('button', { name: /^Nile\.csv/ }).click();
    await expect(page.getByTestId('status-message')).toHaveText(
      'Showing Nile.csv: 100 rows, 1 numeric column(s).',
    );

    // Ctrl+S without a project file asks where, in the save dialog.
    await page.keyboard.press('Control+s');
    const dialog = page.getByTestId('save-project-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('project-title').fill('Rivers and lynx');
    await page.getByTestId('project-path').fill(projectPath);
    await page.getByTestId('project-save-confirm').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('status-message')).toHaveText(`Saved project to ${projectPath}.`);
    const first = JSON.parse(await readFile(projectPath, 'utf8')) as { datasets: unknown[] };
    expect(first.datasets).toHaveLength(3);

    // The reload keeps the three datasets, the title and the project's file.
    await page.reload();
    await expect(list.getByRole('button', { name: /^Close / })).toHaveCount(3);
    await expect(list).toContainText('AirPassengers.csv');
    await expect(list).toContainText('Nile.csv');
    await expect(list).toContainText('lynx.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('lynx.csv');
    await expect(page.getByTestId('project-name')).toHaveText('Rivers and lynx');
    await expect(page.getByTestId('status-message')).toHaveText(
      'Session restored: 3 open dataset(s).',
    );
    await expect(page.getByTestId('series-chart').locator('canvas')).toHaveCount(1);

    // Ctrl+S now saves straight to that file, the new dataset included, without a dialog.
    await page.getByTestId('sample-select').selectOption('LakeHuron.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('LakeHuron.csv');
    const before = (await stat(projectPath)).mtimeMs;
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('status-message')).toHaveText(`Saved project to ${projectPath}.`);
    await expect(dialog).toHaveCount(0);
    expect((await stat(projectPath)).mtimeMs).toBeGreaterThan(before);
    const second = JSON.parse(await readFile(projectPath, 'utf8')) as {
      title: string;
      datasets: { name: string }[];
    };
    expect(second.title).toBe('Rivers and lynx');
    expect(second.datasets.map((d) => d.name).sort()).toEqual([
      'AirPassengers.csv',
      'LakeHuron.csv',
      'Nile.csv',
      'lynx.csv',
    ]);

    // A closed dataset stays closed after a reload.
    await list.getByRole('button', { name: 'Close Nile.csv' }).click();
    await expect(list.getByRole('button', { name: /^Close / })).toHaveCount(3);
    await page.reload();
    await expect(page.getByTestId('status-message')).toHaveText(
      'Session restored: 3 open dataset(s).',
    );
    await expect(list.getByRole('button', { name: /^Close / })).toHaveCount(3);
    await expect(list).not.toContainText('Nile.csv');
    await shots(page, 'explore');
    expect(errors).toEqual([]);
  });

  test('losing the server shows a banner saying what to do', async ({
    studioPage: page,
    server,
  }) => {
    await expectSampleOpen(page);
    await expect(page.getByTestId('connection-banner')).toHaveCount(0);
    // The server stops (its engine with it); the page stays open.
    await new Promise<void>((resolve) => {
      server.process.once('exit', () => resolve());
      server.process.kill('SIGTERM');
    });
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toContainText('The connection to the Series Studio server was lost.');
    await expect(banner).toContainText('start it again (npm run serve)');
    await shots(page, 'server-lost');
  });

  test('at 1280×800 no table scrolls sideways: training, metrics, runs, backtest', async ({
    studioPage: page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectSampleOpen(page);
    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-units').fill('8');
    await page.getByTestId('fit-epochs').fill('40');
    await page.getByTestId('fit-patience').fill('0');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/, {
      timeout: 110_000,
    });
    await expectNoSideScroll(page, [page.getByTestId('metrics-table').locator('table').first()]);
    await expect(page.getByTestId('metrics-table')).toContainText('R²');
    await shots(page, 'run', async () => {
      await page.getByTestId('metrics-table').scrollIntoViewIfNeeded();
    });

    await page.getByTestId('tab-runs').click();
    const runs = page.getByTestId('runs-table');
    await expect(runs.getByTestId('run-row')).toHaveCount(1);
    await expect(runs.getByRole('button', { name: /^Delete run/ })).toBeVisible();
    await expectNoSideScroll(page, [runs]);
    await expect(runs.getByTestId('run-row')).not.toContainText('· none');
    await shots(page, 'runs');

    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-epochs').fill('4');
    await runBacktest(page, 2, 6, 110_000);
    await expect(page.getByTestId('backtest-aggregate')).toContainText('Seasonal naive');
    await expect(page.getByTestId('backtest-aggregate')).toContainText('ARIMA');
    await expectNoSideScroll(page, [
      page.getByTestId('backtest-folds-table'),
      page.getByTestId('backtest-aggregate'),
      page.getByTestId('backtest-one-step'),
    ]);
    await shots(page, 'backtest', async () => {
      await page.getByTestId('backtest-results').scrollIntoViewIfNeeded();
    });
    expect(errors).toEqual([]);
  });
});
