// Projects in browser mode: train, save the session to a temporary .seriesstudio file, lose the run,
// reload the page, open the project again (the run comes back) and download a PDF report.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, expectSampleOpen, test } from './fixtures/studio';

const shot = (name: string): string => path.join('test-results', `project-${name}.png`);
const projectPath = path.join(
  os.tmpdir(),
  `series-studio-e2e-${randomBytes(6).toString('hex')}.seriesstudio`,
);

test.afterAll(async () => {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}.models`, { recursive: true, force: true });
});

test.describe('browser mode: projects and reports', () => {
  test('saves, reopens after a reload and exports a PDF report', async ({ studioPage: page }) => {
    await expectSampleOpen(page);
    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-units').fill('8');
    await page.getByTestId('fit-epochs').fill('4');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('run-stopped')).toHaveText(/completed|early stopping/);
    const runId = await page.getByTestId('run-view').getAttribute('data-run-id');
    expect(runId).toMatch(/^run_/);

    // Save with the CSV embedded.
    await page.getByTestId('project-save').click();
    const save = page.getByTestId('save-project-dialog');
    await expect(save).toBeVisible();
    await page.getByTestId('project-title').fill('E2E project');
    await page.getByTestId('project-path').fill(projectPath);
    await page.getByTestId('project-embed').check();
    await save.screenshot({ path: shot('save-dialog') });
    await page.getByTestId('project-save-confirm').click();
    await expect(page.getByTestId('status-message')).toContainText(
      `Saved project to ${projectPath}`,
    );
    // A save without warnings closes the dialog by itself (and this one has none to show).
    await expect(page.getByTestId('project-warnings')).toHaveCount(0);
    await expect(save).toHaveCount(0);
    const saved = JSON.parse(await readFile(projectPath, 'utf8')) as { runs: { id: string }[] };
    expect(saved.runs.map((r) => r.id)).toContain(runId);

    // Lose the run in this session, then reload the page.
    await page.getByTestId('tab-runs').click();
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await row.getByRole('button', { name: /^Delete run/ }).click();
    await expect(row).toHaveCount(0);
    await page.reload();
    await expectSampleOpen(page);

    // Open the project: the run is back in the Runs tab.
    await page.getByTestId('project-open').click();
    await expect(page.getByTestId('open-project-dialog')).toBeVisible();
    await page.getByTestId('open-project-path').fill(projectPath);
    await page.getByTestId('project-open-confirm').click();
    await expect(page.getByTestId('status-message')).toContainText('Opened project "E2E project"');
    await expect(page.getByTestId('project-name')).toHaveText('E2E project');
    await page.getByTestId('tab-runs').click();
    await expect(row).toHaveCount(1);
    await row.click();
    await expect(page.getByTestId('metrics-row-model')).toBeVisible();
    await page.screenshot({ path: shot('reopened') });

    // Export a PDF report and check the downloaded bytes.
    await page.getByTestId('report-open').click();
    const dialog = page.getByTestId('report-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('report-title').fill('E2E report');
    await page.getByTestId('report-format-pdf').click();
    await dialog.screenshot({ path: shot('report-dialog') });
    const downloading = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('report-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('E2E report.pdf');
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('status-message')).toContainText('Downloaded E2E report.pdf');
  });
});
