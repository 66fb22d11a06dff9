// Prints report HTML to an A4 PDF with a system Chromium driven by playwright-core (no browser
// download at install time). The page gets no network and no JavaScript; the PDF is written
// atomically so an interrupted export never leaves half a file under the chosen name.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { writeFileAtomic } from '../fsAtomic/writeFileAtomic';

export interface HtmlToPdfOptions {
  chromiumPath?: string;
  signal?: AbortSignal;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export class ChromiumMissingError extends Error {
  constructor(readonly chromiumPath: string) {
    super(
      `Chromium was not found at "${chromiumPath}", so the PDF cannot be printed. Install Chromium ` +
        '(e.g. "apt install chromium") or set SERIES_STUDIO_CHROMIUM to its executable; the HTML report still works.',
    );
    this.name = 'ChromiumMissingError';
  }
}

export function defaultChromiumPath(): string {
  return process.env['SERIES_STUDIO_CHROMIUM'] ?? '/usr/bin/chromium';
}

export async function htmlToPdf(
  html: string,
  outPath: string,
  options: HtmlToPdfOptions = {},
): Promise<void> {
  const executablePath = options.chromiumPath ?? defaultChromiumPath();
  const { signal } = options;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new ChromiumMissingError(executablePath);
  }
  signal?.throwIfAborted();
  let browser: Browser | undefined;
  const onAbort = (): void => void browser?.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    signal?.throwIfAborted();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route(/^(?!data:|about:)/, (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    signal?.throwIfAborted();
    await writeFileAtomic(outPath, pdf, { backup: false });
  } catch (e) {
    signal?.throwIfAborted();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await browser?.close().catch(() => undefined);
  }
}
