// The import-and-explore path in browser mode: a messy European CSV goes through the import dialog,
// its problems are fixed with the offered choices, and the diagnostics render.
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { inkedPixels } from './fixtures/charts';
import { chooseFix } from './fixtures/problems';
import { expect, expectSampleOpen, test } from './fixtures/studio';

const messyCsv = path.resolve('e2e/data/messy-sales.csv');
const shot = (name: string): string => path.join('test-results', `explore-${name}.png`);

async function expectInked(chart: Locator, atLeast = 1000): Promise<void> {
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect.poll(() => inkedPixels(chart)).toBeGreaterThan(atLeast);
}

test.describe('browser mode: import and explore', () => {
  test('imports a messy CSV through the dialog, fixes its problems and explores it', async ({
    studioPage: page,
  }) => {
    await expectSampleOpen(page);
    await page.getByTestId('upload-input').setInputFiles(messyCsv);

    // The dialog shows every detected setting of a `;`-separated, decimal-comma file.
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Import messy-sales.csv' })).toBeVisible();
    await expect(page.getByTestId('setting-delimiter')).toHaveValue(';');
    await expect(page.getByTestId('setting-decimal')).toHaveValue(',');
    await expect(page.getByTestId('setting-header')).toBeChecked();
    await expect(page.getByTestId('setting-time-column')).toHaveValue('Datum');
    await expect(page.getByTestId('setting-time-format')).toHaveValue('iso-date');
    await expect(page.getByTestId('setting-text-columns').getByLabel('Filiale')).toBeChecked();
    await expect(page.getByTestId('setting-missing')).toContainText('(empty cell)');
    await expect(page.getByTestId('encoding-report')).toContainText('No byte order mark');
    await expect(page.getByTestId('sniff-preview')).toContainText('120,97');
    await expect(page.getByTestId('sniff-notes')).toContainText('decimal comma');

    // Overriding a setting re-sniffs the preview: a comma delimiter leaves one column per row.
    await page.getByTestId('setting-delimiter').selectOption(',');
    await expect(page.getByTestId('sniff-preview').locator('thead th')).toHaveCount(2);
    await expect(dialog.getByText('changed')).toHaveCount(1);
    await dialog.getByRole('button', { name: 'Reset to detected' }).click();
    await expect(page.getByTestId('setting-delimiter')).toHaveValue(';');
    await expect(page.getByTestId('sniff-preview').locator('thead th')).toHaveCount(5);
    await page.screenshot({ path: shot('import-dialog') });

    await page.getByTestId('import-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('messy-sales.csv');

    // Problems: unsorted times and a missing value, each with its offered choices.
    const unsorted = page.getByTestId('problem-unsorted-time');
    const missing = page.getByTestId('problem-missing-values');
    await expect(unsorted).toContainText('time goes backwards 2 time(s)');
    await expect(missing).toContainText('"Umsatz" has 1 missing value(s)');
    await expect(page.getByTestId('frequency-value')).toHaveText('monthly');
    await expect(page.getByTestId('period-value')).toHaveText('12');

    await chooseFix(page, 'problem-unsorted-time', 'choice-sort', 'rows sorted by time');
    await chooseFix(
      page,
      'problem-missing-values',
      'choice-linear-interpolation',
      'filled by linear interpolation',
    );
    await expect(page.getByTestId('dataset-name')).toHaveText('messy-sales.csv');
    await expect(page.getByTestId('summary-table')).toContainText('2019-01-01');

    // The series, the correlograms with their band captions, the tests and STL all render.
    await expectInked(page.getByTestId('series-chart'));
    await expect(page.getByTestId('series-note')).toContainText('60 points');
    await expectInked(page.getByTestId('acf-chart'));
    await expectInked(page.getByTestId('pacf-chart'));
    await expect(page.getByTestId('acf-caption')).toContainText('Bartlett band');
    await expect(page.getByTestId('pacf-caption')).toContainText('Yule-Walker');
    await expect(page.getByTestId('hints')).not.toBeEmpty();
    for (const id of ['adf', 'kpss', 'ljung-box']) {
      await expect(page.getByTestId(`test-${id}`)).toContainText(/\d\.\d{4}|< 0\.0001/);
    }
    await expect(page.getByTestId('test-ljung-box')).toContainText(/autocorrelat/i);
    await expectInked(page.getByTestId('stl-chart'));

    await page.getByTestId('pacf-method').selectOption('ols');
    await expect(page.getByTestId('pacf-caption')).toContainText('OLS');
    await page.screenshot({ path: shot('review') });
    await page.getByTestId('correlograms').screenshot({ path: shot('correlograms') });
    await page.getByTestId('tests-card').screenshot({ path: shot('tests') });
    await page.getByTestId('stl-panel').screenshot({ path: shot('stl') });

    // A seasonal difference previews the transformed column; undo takes it back.
    await page.getByTestId('transform-kind').selectOption('seasonalDiff');
    await page.getByTestId('transform-add').click();
    await expect(page.getByTestId('transform-steps')).toContainText('seasonal difference (m = 12)');
    await expectInked(page.getByTestId('transform-chart'));
    await page.getByTestId('transform-builder').screenshot({ path: shot('transform') });
    await page.getByTestId('transform-undo').click();
    await expect(page.getByTestId('transform-steps')).not.toContainText('seasonal difference');
    await expect(page.getByTestId('transform-chart')).toHaveCount(0);

    // Dark mode: the toggle switches the page and the charts keep drawing.
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
    const theme = await page.locator('html').getAttribute('data-theme');
    await expectInked(page.getByTestId('acf-chart'));
    await page.screenshot({ path: shot(`theme-${theme}`) });
    await page.getByTestId('correlograms').screenshot({ path: shot(`correlograms-${theme}`) });
  });

  test('Ctrl+O opens the file picker; the Model and Runs tabs show their empty states', async ({
    studioPage: page,
  }) => {
    await expectSampleOpen(page);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    expect((await chooser).isMultiple()).toBe(false);
    await page.getByTestId('tab-model').click();
    await expect(page.getByTestId('model-panel')).toContainText('AirPassengers.csv');
    await page.getByTestId('tab-runs').click();
    await expect(page.getByTestId('runs-panel')).toContainText('No runs yet');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-explore').click();
    await expect(page.getByTestId('problems')).toContainText('No problems found');
  });

  test('the Tests card runs the options it shows, each result labelled', async ({
    studioPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectSampleOpen(page);
    await expect(page.getByTestId('test-adf-label')).toContainText('ADF, constant, lag');
    await page.getByTestId('adf-regression').selectOption('ct');
    await page.getByTestId('adf-autolag').selectOption('BIC');
    await page.getByTestId('kpss-regression').selectOption('ct');
    await page.getByTestId('lb-lags').fill('12, 24');
    await page.getByTestId('lb-lags').press('Enter');
    await page.getByTestId('model-df').fill('2');
    await page.getByTestId('model-df').press('Enter');
    await page.getByTestId('box-pierce').check();
    await page.getByTestId('boxcox-method').selectOption('guerrero');
    // statsmodels 0.13.5: adfuller(x, regression="ct", autolag="BIC") τ −2.1008 at lag 13 of 14,
    // kpss(x, "ct") 0.096150 at 4 lags (p 0.10, the table's edge); R forecast: Guerrero λ −0.29472.
    await expect(page.getByTestId('test-adf-label')).toHaveText(
      'ADF, constant + trend, lag 13 chosen by BIC (max 14), MacKinnon p-value',
    );
    await expect(page.getByTestId('test-adf')).toContainText('-2.101');
    await expect(page.getByTestId('test-kpss-label')).toContainText(
      'KPSS trend stationarity, Bartlett kernel, 4 lags chosen by Hobijn et al.',
    );
    await expect(page.getByTestId('test-kpss')).toContainText('0.09615');
    await expect(page.getByTestId('test-kpss-note')).toHaveText(
      '4 lags; p-value clipped at the table’s upper bound: the true p-value is larger than shown',
    );
    await expect(page.getByTestId('test-ljung-box-label')).toHaveText(
      'Ljung-Box and Box-Pierce Q at lags 12, 24, χ² df = lags − 2 fitted parameters',
    );
    await expect(page.getByTestId('test-ljung-box-note')).toHaveText(
      '12 lags, 10 degrees of freedom',
    );
    await expect(page.getByTestId('test-box-pierce-24-note')).toHaveText(
      '24 lags, 22 degrees of freedom',
    );
    await expect(page.getByTestId('test-boxcox-label')).toHaveText(
      'Box-Cox λ by Guerrero (blocks of 12, λ in [−1, 2])',
    );
    await expect(page.getByTestId('test-boxcox')).toContainText('-0.2947');
    // A value the series cannot take is refused, and said so.
    await page.getByTestId('adf-maxlag').fill('500');
    await page.getByTestId('adf-maxlag').press('Enter');
    await expect(page.getByTestId('tests-notes')).toContainText(
      'ADF not computed: ADF maxlag must be an integer in [0, 69]',
    );
    await page.getByTestId('adf-maxlag').fill('');
    await page.getByTestId('adf-maxlag').press('Enter');
    await expect(page.getByTestId('test-adf')).toBeVisible();
    const card = page.getByTestId('tests-card');
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const first = await page.locator('html').getAttribute('data-theme');
    await page.screenshot({ path: shot(`tests-options-${first}`) });
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', first ?? '');
    const second = await page.locator('html').getAttribute('data-theme');
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot(`tests-options-${second}`) });
  });
});
