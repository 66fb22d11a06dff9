// Issue 13, in browser mode: Explore hints that claim no seasonality where there is none and agree
// with the Model tab's defaults (and with `series-studio analyze --json`); one dataset per file
// content, a fix-up replacing the dataset it fixes; Esc on the import dialog opening nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chooseFix } from './fixtures/problems';
import { atEachScreen } from './fixtures/screens';
import { expect, test } from './fixtures/studio';

const cli = path.resolve('bin/series-studio.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'trust-e2e-'));
const shot = (name: string): string => path.join('test-results', `trust-${name}.png`);

/** The hints `series-studio analyze --json` prints for a file's first numeric column. */
function cliHints(file: string): string[] {
  const r = spawnSync(process.execPath, [cli, 'analyze', file, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const columns = (JSON.parse(r.stdout) as { columns: { hints: string[] }[] }).columns;
  return columns[0]?.hints ?? [];
}

/** 64 quarters of a straight trend with a little noise (a fixed LCG): no seasonality at all. */
function quarterlyTrendCsv(): string {
  let seed = 99;
  const rows = ['date,level'];
  for (let i = 0; i < 64; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const year = 2000 + Math.floor(i / 4);
    const month = String(1 + 3 * (i % 4)).padStart(2, '0');
    rows.push(`${year}-${month}-01,${(10 + 0.5 * i + seed / 2 ** 31 - 0.5).toFixed(4)}`);
  }
  return `${rows.join('\n')}\n`;
}

const gappyCsv =
  'date,sales\n2020-01-01,10\n2020-02-01,\n2020-03-01,12\n2020-04-01,13\n2020-05-01,12\n' +
  '2020-06-01,15\n2020-07-01,16\n2020-08-01,15\n2020-09-01,18\n2020-10-01,19\n';

async function hintsOnScreen(page: Page): Promise<string[]> {
  const hints = page.getByTestId('hints').locator('li');
  await expect(hints.first()).toBeVisible();
  return hints.allTextContents();
}

async function openSample(page: Page, name: string): Promise<void> {
  await page.getByTestId('sample-select').selectOption(name);
  await expect(page.getByTestId('dataset-name')).toHaveText(name);
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('upload-input').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

/**
 * In the import dialog: the preview's header marks column `nth` (0 the row number) as `kind`, and
 * the dialog's notes say `note`.
 */
async function expectColumnRead(
  page: Page,
  nth: number,
  kind: string,
  note: string,
): Promise<void> {
  await expect(page.getByTestId('sniff-preview').locator('th').nth(nth)).toContainText(kind);
  await expect(page.getByTestId('sniff-notes')).toContainText(note);
}

const datasetNames = (page: Page): Promise<string[]> =>
  page
    .getByTestId('dataset-list')
    .locator('li button.name')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('title') ?? '').trim()));

test.describe('browser mode: trustworthy hints and datasets', () => {
  // The page's own first open (the session or the sample) comes first: each test starts after it.
  test.beforeEach(async ({ studioPage: page }) => {
    await expect(page.getByTestId('dataset-name')).not.toBeEmpty();
  });

  test('annual series get no seasonality hint, and the hints are the CLI analyze hints', async ({
    studioPage: page,
  }) => {
    for (const name of ['Nile.csv', 'lynx.csv', 'LakeHuron.csv']) {
      await openSample(page, name);
      await page.getByTestId('tab-explore').click();
      const shown = await hintsOnScreen(page);
      expect(shown).toEqual(cliHints(path.resolve('resources/datasets', name)));
      expect(shown.filter((h) => /season/i.test(h))).toEqual([]);
      expect(shown.filter((h) => /consider differencing/i.test(h))).toEqual([]);
    }
    await page.getByTestId('hints').screenshot({ path: shot('hints-lakehuron') });
  });

  test('a quarterly trend: no seasonality, and the Model defaults are the suggested transforms', async ({
    studioPage: page,
  }) => {
    const csv = quarterlyTrendCsv();
    const file = path.join(dir, 'quarterly-trend.csv');
    writeFileSync(file, csv);
    await upload(page, 'quarterly-trend.csv', csv);
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('quarterly-trend.csv');
    await page.getByTestId('tab-explore').click();
    const shown = await hintsOnScreen(page);
    expect(shown).toEqual(cliHints(file));
    expect(shown.filter((h) => h.startsWith('Seasonality with period'))).toEqual([]);
    expect(shown.filter((h) => h.startsWith('No seasonality with period 4:'))).toHaveLength(1);
    const suggested = shown.at(-1) ?? '';
    expect(suggested).toMatch(
      /^Suggested transforms, the Model tab's defaults: log, then first difference\. Why: /,
    );

    await page.getByTestId('tab-model').click();
    const chips = page.getByTestId('fit-transforms').locator('.chip');
    await expect(chips).toHaveText(['log', 'first difference']);
    await expect(page.getByTestId('fit-transforms-source')).toHaveText('Transforms (suggested)');
    await page.getByTestId('fit-transforms').getByRole('button', { name: 'clear' }).click();
    await expect(chips).toHaveCount(0);
    await page.getByTestId('fit-reset').click();
    await expect(chips).toHaveText(['log', 'first difference']);
  });

  test('the same CSV twice is one dataset; a fix-up replaces it; the save count matches', async ({
    studioPage: page,
  }) => {
    const before = (await datasetNames(page)).filter((n) => n !== 'gappy.csv');
    for (let i = 0; i < 2; i++) {
      await upload(page, 'gappy.csv', gappyCsv);
      await page.getByTestId('import-confirm').click();
      await expect(page.getByTestId('import-dialog')).toBeHidden();
    }
    await expect.poll(() => datasetNames(page)).toEqual([...before, 'gappy.csv']);

    await page.getByTestId('tab-explore').click();
    await expect(page.getByTestId('problem-missing-values')).toBeVisible();
    await page
      .getByTestId('problem-missing-values')
      .getByTestId('choice-linear-interpolation')
      .click();
    await expect(page.getByTestId('applied-choices')).toBeVisible();
    await expect.poll(() => datasetNames(page)).toEqual([...before, 'gappy.csv']);

    await page.getByTestId('project-save').click();
    await expect(page.getByTestId('project-dataset-count')).toHaveText(String(before.length + 1));
    const project = path.join(dir, 'two.seriesstudio');
    await page.getByTestId('project-path').fill(project);
    await page.getByTestId('project-save-confirm').click();
    await expect(page.getByTestId('save-project-dialog')).toBeHidden();
    const saved = JSON.parse(readFileSync(project, 'utf8')) as { datasets: { name: string }[] };
    expect(saved.datasets.map((d) => d.name)).toEqual([...before, 'gappy.csv']);
  });

  test('Esc on the import dialog opens nothing', async ({ studioPage: page }) => {
    const current = await page.getByTestId('dataset-name').textContent();
    const before = await datasetNames(page);
    await upload(page, 'escaped.csv', gappyCsv.replace('19\n', '20\n'));
    await expect(page.getByRole('heading', { name: 'Import escaped.csv' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText(current ?? '');
    await expect.poll(() => datasetNames(page)).toEqual(before);

    // The × closes the same way.
    await upload(page, 'escaped.csv', gappyCsv.replace('19\n', '20\n'));
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).first().click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect.poll(() => datasetNames(page)).toEqual(before);

    // Nor did the session get it: a reloaded page (which starts from the host's datasets) lacks it.
    await page.reload();
    await expect(page.getByTestId('dataset-name')).toHaveText(current ?? '');
    await expect.poll(() => datasetNames(page)).toEqual(before);
  });

  test('mixed date formats: read by cell and flagged; an ambiguous date is a problem, never row numbers in silence', async ({
    studioPage: page,
  }) => {
    const mixed =
      'date,value\n2020-01-01,1\n2020/02/01,2\nMarch 2020,3\n1 Apr 2020,4\n"May 1, 2020",5\n' +
      '2020-06-01,6\n2020-07-01,7\n2020-08-01,8\n2020-09-01,9\n2020-10-01,10\n';
    await upload(page, 'mixed-dates.csv', mixed);
    await expect(page.getByTestId('setting-time-column')).toHaveValue('date');
    await expect(page.getByTestId('setting-time-format')).toHaveValue('mixed-dates');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('mixed-dates.csv');
    await page.getByTestId('tab-explore').click();
    await expect(page.getByTestId('problem-mixed-time-formats')).toContainText(
      '"date" mixes 5 date formats in its first rows (YYYY-MM-DD ×6, YYYY/MM/DD ×1, Month YYYY ×1, D Month YYYY ×1, Month D, YYYY ×1)',
    );
    await expect(page.getByTestId('dataset-list')).toContainText('10 rows · monthly');

    const ambiguous = mixed.replace('2020/02/01', '02/01/2020');
    await upload(page, 'ambiguous-dates.csv', ambiguous);
    await expect(page.getByTestId('setting-time-column')).toHaveValue('');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('ambiguous-dates.csv');
    await expect(page.getByTestId('problems')).not.toContainText('No problems found');
    await expect(page.getByTestId('problem-time-not-recognised')).toContainText(
      'Rows are numbered 1, 2, 3, … because "date" was not read as time',
    );
    await page.getByTestId('problems').screenshot({ path: shot('time-not-recognised') });

    // Choosing the column as time brings its own format guess, not the old "Row index".
    await page.getByText('Review import settings…').click();
    await page.getByTestId('setting-time-column').selectOption('date');
    await expect(page.getByTestId('setting-time-format')).toHaveValue('mixed-dates');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();
  });

  test('a column of Infinity, -inf, NaN and 1e400 stays numeric and is fixed in the problems panel', async ({
    studioPage: page,
  }) => {
    // Rows 2..10: 1, Infinity, 3, -inf, NaN, 6, 7, 1e400, 9.
    const csv =
      'date,value\n2020-01-01,1\n2020-02-01,Infinity\n2020-03-01,3\n2020-04-01,-inf\n' +
      '2020-05-01,NaN\n2020-06-01,6\n2020-07-01,7\n2020-08-01,1e400\n2020-09-01,9\n';
    await upload(page, 'infinite.csv', csv);
    await expect(page.getByTestId('setting-text-columns').locator('input')).not.toBeChecked();
    await expectColumnRead(
      page,
      2,
      'numeric',
      '"value" holds non-finite values ("Infinity", "-inf", "NaN", "1e400"): read as missing and ' +
        'listed as a problem to decide after import',
    );
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('infinite.csv');
    const count = (await datasetNames(page)).length;
    await page.getByTestId('tab-explore').click();
    const problem = page.getByTestId('problem-non-finite-values');
    await expect(problem).toContainText(
      '"value" has 4 non-finite value(s) ("Infinity" ×1, "-inf" ×1, "NaN" ×1, "1e400" ×1; ' +
        'first at row 3), read as missing: no statistic can use them',
    );
    await expect(page.getByTestId('problem-missing-values')).toHaveCount(0);
    await expect(problem.locator('button')).toHaveText([
      'Treat as missing',
      'Drop rows',
      'Forward fill',
      'Interpolate',
    ]);
    // Until decided they are missing: the statistics see 1, 3, 6, 7, 9 (mean 5.2, sd 3.194).
    const columns = page.getByTestId('column-list');
    await expect(columns).toContainText('mean 5.2 · sd 3.194 · 4 missing');
    await atEachScreen(page, async ({ width, theme }) => {
      await page.getByTestId('problems').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`non-finite-${width}-${theme}`) });
    });

    // Interpolated: 2 between 1 and 3, 4 and 5 between 3 and 6, 8 between 7 and 9.
    await chooseFix(
      page,
      'problem-non-finite-values',
      'choice-linear-interpolation',
      'value: 4 non-finite value(s) filled by linear interpolation',
    );
    await expect(columns).toContainText('mean 5 · sd 2.739');
    await expect(columns).not.toContainText('missing');

    // Treated as missing instead: back to the five finite values, and still one dataset.
    await chooseFix(
      page,
      'problem-non-finite-values',
      'choice-treat-as-missing',
      'value: 4 non-finite value(s) treated as missing',
    );
    await expect(columns).toContainText('mean 5.2 · sd 3.194 · 4 missing');
    expect(await datasetNames(page)).toHaveLength(count);
  });

  test('unticking a text column leaves it out of the import, across a reload', async ({
    studioPage: page,
  }) => {
    const csv =
      'date,value,note\n2020-01-01,1,start\n2020-02-01,2,dip\n2020-03-01,4,rise\n' +
      '2020-04-01,3,flat\n2020-05-01,5,peak\n';
    const note = page.getByTestId('setting-text-columns').getByLabel('note');
    const noteHeader = page.getByTestId('sniff-preview').locator('th').nth(3);
    const untick = async (): Promise<void> => {
      await upload(page, 'notes.csv', csv);
      await expect(note).toBeChecked();
      await expect(noteHeader).toContainText('text');
      await note.uncheck();
      await expectColumnRead(page, 3, 'left out', '"note" is left out of the import (unticked)');
      await expect(page.getByTestId('left-out-hint')).toContainText(
        'Left out of the import (text that cannot be read as numbers): note.',
      );
    };
    // The theme toggle sits behind the dialog: each screen opens the dialog anew.
    await atEachScreen(page, async ({ width, theme }) => {
      await untick();
      await page.screenshot({ path: shot(`left-out-${width}-${theme}`) });
      await page.getByTestId('sniff-preview').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`left-out-preview-${width}-${theme}`) });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('import-dialog')).toBeHidden();
    });
    await untick();
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('notes.csv');
    const columns = page.getByTestId('column-list');
    await expect(page.getByTestId('left-out-columns')).toHaveText('Left out of the import: note');
    await expect(columns).not.toContainText('Text columns');

    await page.reload();
    await expect(page.getByTestId('dataset-name')).toHaveText('notes.csv');
    await expect(page.getByTestId('left-out-columns')).toHaveText('Left out of the import: note');
    // Reviewing the import shows the choice kept; ticking it again keeps it as a text column.
    await page.getByTestId('tab-explore').click();
    await page.getByText('Review import settings…').click();
    await expect(note).not.toBeChecked();
    await note.check();
    await expect(noteHeader).toContainText('text');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    await expect(columns).toContainText('Text columns (not analysed): note');
    await expect(page.getByTestId('left-out-columns')).toHaveCount(0);
  });

  test('screens at 1280×800 and 1920×1080, light and dark', async ({ studioPage: page }) => {
    await openSample(page, 'AirPassengers.csv');
    await atEachScreen(page, async ({ width, theme }) => {
      await page.getByTestId('tab-explore').click();
      await page.getByTestId('hints').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`explore-${width}-${theme}`) });
      await page.getByTestId('tab-model').click();
      await expect(page.getByTestId('fit-transforms')).toBeVisible();
      await page.screenshot({ path: shot(`model-${width}-${theme}`) });
      await page.getByTestId('project-save').click();
      await expect(page.getByTestId('project-dataset-count')).toHaveText(
        String((await datasetNames(page)).length),
      );
      await page.screenshot({ path: shot(`save-${width}-${theme}`) });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('save-project-dialog')).toBeHidden();
      await upload(page, 'gappy.csv', gappyCsv);
      await page.screenshot({ path: shot(`import-${width}-${theme}`) });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('import-dialog')).toBeHidden();
    });
  });
});
