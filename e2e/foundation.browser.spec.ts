import path from 'node:path';
import { inkedPixels } from './fixtures/charts';
import { expect, expectSampleOpen, test } from './fixtures/studio';

test.describe('browser mode: first vertical slice', () => {
  test('opens the sample series as a chart, then a second dataset', async ({
    studioPage: page,
  }) => {
    await expectSampleOpen(page);
    const chart = page.getByTestId('series-chart');
    await expect(chart.locator('canvas')).toHaveCount(1);
    await expect(page.getByTestId('series-note')).toContainText('144 points');
    await expect(page.getByTestId('column-list')).toContainText('AirPassengers');
    // The backend in words (no code names), its tooltip without machine paths.
    const backend = page.getByTestId('backend');
    await expect(backend).toHaveText(
      /^(Native TensorFlow|WebAssembly( \((no )?SIMD(, multi-threaded)?\))?|JavaScript \(CPU\))$/,
    );
    await expect(backend).toHaveAttribute('title', /^Compute backend: [^/\\]+$/);

    // The chart really drew something: the canvas is not a blank rectangle.
    const box = await chart.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(200);
    const inked = await inkedPixels(chart);
    expect(inked).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join('test-results', 'foundation-airpassengers.png') });

    await page.getByTestId('sample-select').selectOption('EuStockMarkets.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('EuStockMarkets.csv');
    await expect(page.getByTestId('column-list')).toContainText('FTSE');
    await expect(page.getByTestId('series-note')).toContainText('1,860 points');
    await page.screenshot({ path: path.join('test-results', 'foundation-eustockmarkets.png') });
  });

  test('uploads a CSV through the page', async ({ studioPage: page }) => {
    await expectSampleOpen(page);
    await page
      .getByTestId('upload-input')
      .setInputFiles(path.resolve('resources/datasets/Nile.csv'));
    // Nothing is opened until the import dialog's Import (Esc would cancel it).
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('dataset-name')).toHaveText('Nile.csv');
    await expect(page.getByTestId('series-note')).toContainText('100 points');
  });
});
