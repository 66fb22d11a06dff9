// The import settings of issue 13 through the dialog, against the real server and engine: a file
// exported the way spreadsheets do (a title line, a blank line, comment lines, a short row) is read
// after rows to skip, a comment character and padding are set; a UTF-16 LE file with a BOM is
// proposed as UTF-16 and read; a custom date pattern (dd.MM.yyyy) reads a German export. Screens
// of the dialog in both themes at both sizes.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { atEachScreen } from './fixtures/screens';
import { expect, expectSampleOpen, test } from './fixtures/studio';

const exported = [
  'Monthly sales, exported 2026-11-30',
  '',
  'month,sales',
  '# figures in thousands',
  '2020-01-01,10',
  '2020-02-01,12',
  '# March estimated',
  '2020-03-01',
  '2020-04-01,15',
  '2020-05-01,16',
  '2020-06-01,18',
  '',
].join('\n');

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

const headerCells = (page: Page): Promise<string[]> =>
  page.getByTestId('sniff-preview').locator('thead th .name').allTextContents();

/** Uploads `text` and imports it with its Datum column read by the pattern dd.MM.yyyy. */
async function importDayFirst(page: Page, name: string, text: string): Promise<void> {
  await upload(page, name, Buffer.from(text));
  // Dotted dates are no format the sniffer knows: choose the column, then the pattern.
  await page.getByTestId('setting-time-column').selectOption('Datum');
  await page.getByTestId('setting-time-format').selectOption('pattern');
  await page.getByTestId('import-time-pattern').fill('dd.MM.yyyy');
  // Straight to Import, as an analyst would: the field's change fires on that click.
  await page.getByTestId('import-confirm').click();
}

/** The export in the dialog with 2 rows skipped, '#' comments and short rows padded. */
async function openExport(page: Page): Promise<void> {
  await upload(page, 'export.csv', Buffer.from(exported));
  await page.getByTestId('import-skip-rows').fill('2');
  await page.getByTestId('import-skip-rows').dispatchEvent('change');
  await expect.poll(() => headerCells(page)).toEqual(['month', 'sales']);
  await page.getByTestId('import-comment').selectOption('#');
  await page.getByTestId('import-pad-rows').check();
  // Six months read, March (a short row) with its sales missing.
  const rows = page.getByTestId('sniff-preview').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(2).locator('td')).toHaveText(['3', '2020-03-01', '']);
}

/** The dialog has closed on a file read: it is the shown dataset, its row count in the status bar. */
async function expectImported(page: Page, name: string, rows: number): Promise<void> {
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(page.getByTestId('dataset-name')).toHaveText(name);
  await expect(page.getByTestId('status-message')).toContainText(`${rows} rows`);
}

test.describe('browser mode: import settings', () => {
  // Every test starts once the page's own first open, the sample, is shown.
  test.beforeEach(async ({ studioPage: page }) => {
    await expectSampleOpen(page);
  });

  test('rows to skip, a comment character and padded short rows read a spreadsheet export', async ({
    studioPage: page,
  }) => {
    // The theme toggle sits behind the dialog: each screen opens the dialog anew.
    await atEachScreen(page, async ({ width, theme }) => {
      await openExport(page);
      await page.screenshot({
        path: path.join('test-results', `import-settings-${width}-${theme}.png`),
      });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('import-dialog')).toBeHidden();
    });
    await openExport(page);
    await page.getByTestId('import-confirm').click();
    await expectImported(page, 'export.csv', 6);
    await page.getByTestId('tab-explore').click();
    // Row 8 of the file: the title, the blank line and the comment lines are counted too.
    await expect(page.getByTestId('problem-missing-values')).toContainText(
      '"sales" has 1 missing value(s) (first at row 8)',
    );
  });

  test('a custom date pattern reads day-first dates, and a cell that does not fit is named', async ({
    studioPage: page,
  }) => {
    const german = 'Datum;Umsatz\n31.01.2024;1,5\n29.02.2024;2,25\n31.03.2024;3\n30.04.2024;4\n';
    await importDayFirst(page, 'umsatz.csv', german);
    await expectImported(page, 'umsatz.csv', 4);
    await expect(page.getByTestId('dataset-list')).toContainText('4 rows · monthly');
    await page.getByTestId('tab-explore').click();
    await expect(page.getByTestId('summary-table')).toContainText('2024-01-31');
    await expect(page.getByTestId('summary-table')).toContainText('2024-04-30');

    // The same pattern on a file with an ISO date in it: the error names row, column and pattern.
    await importDayFirst(page, 'gemischt.csv', german.replace('29.02.2024', '2024-02-29'));
    await expect(page.getByTestId('import-dialog')).toContainText(
      'gemischt.csv row 3, column "Datum": "2024-02-29" does not match the date pattern "dd.MM.yyyy"',
    );
  });

  test('a UTF-16 LE file with a byte order mark is proposed as UTF-16 and read', async ({
    studioPage: page,
  }) => {
    const text = 'month,sales\n2020-01-01,10\n2020-02-01,12\n2020-03-01,14\n2020-04-01,15\n';
    await upload(page, 'unicode.csv', Buffer.from(`\ufeff${text}`, 'utf16le'));
    await expect(page.getByTestId('import-encoding')).toHaveValue('utf-16le');
    await expect.poll(() => headerCells(page)).toEqual(['month', 'sales']);
    await page.getByTestId('import-confirm').click();
    await expectImported(page, 'unicode.csv', 4);
  });
});
