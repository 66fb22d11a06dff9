// The desktop app under Playwright's Electron driver. Needs the Electron binary, which this
// workplace cannot download: the spec then skips and says so.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../scripts/electronBinary.js';

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(
    binary === null,
    'Electron binary not installed (node_modules/electron/dist is empty: Electron downloads it on first use, and this machine cannot reach its download host).',
  );

  test('launches sandboxed, opens the sample dataset and refuses navigation', async () => {
    expect(existsSync('out/main/main.js')).toBe(true);
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [path.resolve('.')],
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('dataset-name')).toHaveText('AirPassengers.csv');
    await expect(page.getByTestId('series-chart').locator('canvas')).toHaveCount(1);
    // Renderer isolation: no Node in the page, only the typed bridge.
    const probe = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      studio: Object.keys((globalThis as { studio?: object }).studio ?? {}).sort(),
    }));
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.studio).toContain('datasets:open');
    expect(probe.studio).not.toContain('invoke');
    const before = page.url();
    // Served on app://, where the CSP response header applies (appProtocol.ts).
    expect(before).toBe('app://studio/index.html');
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await app.close();
  });

  test('trains an ensemble in the utility process, its members on worker threads there', async () => {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [path.resolve('.')],
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('dataset-name')).toHaveText('AirPassengers.csv');
    await page.getByTestId('tab-model').click();
    await page.getByTestId('fit-units').fill('8');
    await page.getByTestId('fit-epochs').fill('4');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('run-view')).toHaveAttribute('data-run-id', /^run_/, {
      timeout: 90_000,
    });
    // The engine (a utilityProcess) found out/main/memberWorker.js beside its entry and started
    // the thread when the window asked for its backend.
    await expect(page.getByTestId('run-threads')).toHaveText(
      os.availableParallelism() >= 2 ? 'members: 2 threads' : 'members: one thread',
    );
    await app.close();
  });
});
