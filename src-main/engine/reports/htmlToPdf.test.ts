// Prints the full fixture report with the system Chromium and checks the PDF with poppler-utils:
// every heading and metric value is in the text, and every page has ink on it
// (`pdftoppm -gray` writes PGM; there is no separate -pgm flag).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from './buildReportHtml';
import { ChromiumMissingError, defaultChromiumPath, htmlToPdf } from './htmlToPdf';
import { countInk, parsePgm } from './pgmImage.testkit';
import { MODEL_METRICS_SHOWN, fullReportInput } from './reportFixture.testkit';
import { REPORT_HEADINGS } from './reportSections';

const chromium = defaultChromiumPath();
const hasTools =
  existsSync(chromium) && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

describe('htmlToPdf', () => {
  it('fails with a clear message when Chromium is missing', async () => {
    const error = await htmlToPdf('<p>x</p>', path.join(tmpdir(), 'never.pdf'), {
      chromiumPath: '/nonexistent/chromium',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumMissingError);
    expect((error as Error).message).toContain('"/nonexistent/chromium"');
    expect((error as Error).message).toContain('SERIES_STUDIO_CHROMIUM');
  });

  it('stops before launching when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      htmlToPdf('<p>x</p>', path.join(tmpdir(), 'never.pdf'), { signal: controller.signal }),
    ).rejects.toThrow();
  });

  // Skipped only where Chromium or poppler-utils is not installed (both are in CI and here).
  it.skipIf(!hasTools)(
    'prints every heading, the metrics and non-blank pages',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'report-pdf-'));
      try {
        const out = path.join(dir, 'report.pdf');
        await htmlToPdf(buildReportHtml(fullReportInput()), out);
        const bytes = await readFile(out);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
        for (const heading of Object.values(REPORT_HEADINGS))
          expect(text, heading).toContain(heading);
        for (const value of MODEL_METRICS_SHOWN) expect(text, value).toContain(value);
        expect(text).toContain('Airline <study> & "friends"');
        execFileSync('pdftoppm', ['-gray', '-r', '30', out, path.join(dir, 'page')]);
        const pages = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
        expect(pages.length).toBeGreaterThanOrEqual(3);
        for (const page of pages) {
          const image = parsePgm(await readFile(path.join(dir, page)));
          // An A4 page at 30 dpi is 248 × 351 px; a page with a heading and a table inks > 0.3 %.
          expect(countInk(image) / image.pixels.length, page).toBeGreaterThan(0.003);
        }
        expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
