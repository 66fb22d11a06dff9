import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../engine/fsAtomic/writeFileAtomic';
import { parseUnknown } from '../shared/parseUnknown';
import { RunResult } from '../shared/schemas/model';
import { ReportSection } from '../shared/schemas/projectChannels';
import { StudioFailure } from '../shared/result';
import type { DatasetSpec } from '../host/datasetRegistry';
import { assertKnown, parseArgs, stringOption } from './args';
import { CliEngine, cliPaths } from './cliEngine';
import type { CliCommand } from './commands';
import { datasetSpecFor } from './datasetSpecFor';

interface ReportSource {
  title: string;
  spec: DatasetSpec | null;
  runs: RunResult[];
  /** The runs' own datasets (each run's pages use its own). */
  specs: DatasetSpec[];
}

async function fromProject(engine: CliEngine, file: string): Promise<ReportSource> {
  const opened = await engine.call('project:open', {
    path: path.resolve(file),
  });
  const { project } = opened;
  const specs: DatasetSpec[] = project.datasets.map((ds) => ({
    datasetId: ds.datasetId,
    source: { kind: 'path', path: ds.path },
    path: ds.path,
    name: ds.name,
    options: ds.options,
    choices: ds.choices,
  }));
  const runs = project.runs.map((r) => parseUnknown(RunResult, r, `run ${r.id} in ${file}`));
  return { title: project.title, spec: specs[0] ?? null, runs, specs };
}

async function fromRuns(files: string[]): Promise<ReportSource> {
  const runs = await Promise.all(
    files.map(async (f) =>
      parseUnknown(RunResult, JSON.parse(await readFile(f, 'utf8')), `run file ${f}`),
    ),
  );
  // Each run's own CSV, under the run's dataset id so its pages find it; a CSV that is gone
  // leaves that run without dataset pages (the report says so).
  const specs: DatasetSpec[] = [];
  for (const run of runs) {
    const csv = run.dataset.filePath;
    if (!csv || specs.some((s) => s.datasetId === run.datasetId)) continue;
    const spec = await datasetSpecFor(csv).catch(() => null);
    if (spec) specs.push({ ...spec, datasetId: run.datasetId });
  }
  const names = [...new Set(runs.map((r) => r.dataset.name))];
  const title =
    names.length === 1
      ? `${names[0] ?? 'Series Studio'} — forecasting report`
      : 'Series Studio — forecasting report';
  return { title, spec: specs[0] ?? null, runs, specs };
}

export const reportCommand: CliCommand = {
  summary:
    'report <project.seriesstudio | run.json ...> --out report.pdf|report.html [--title T] [--sections a,b] — PDF or HTML report',
  async run(argv) {
    const args = parseArgs(argv);
    assertKnown(args, ['out', 'title', 'sections', 'column']);
    const out = stringOption(args, 'out');
    if (args.positional.length === 0 || !out)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio report <project-or-run.json> --out report.pdf',
      );
    const format = out.toLowerCase().endsWith('.html') ? 'html' : 'pdf';
    const sections = (stringOption(args, 'sections')?.split(',') ?? ReportSection.options).map(
      (s) => parseUnknown(ReportSection, s.trim(), '--sections'),
    );
    const engine = new CliEngine(cliPaths());
    try {
      const [first] = args.positional;
      const source = first?.endsWith('.seriesstudio')
        ? await fromProject(engine, first)
        : await fromRuns(args.positional);
      const { html } = await engine.call('report:html', {
        title: stringOption(args, 'title') ?? source.title,
        spec: source.spec,
        column: stringOption(args, 'column') ?? source.runs[0]?.config.target ?? null,
        runs: source.runs,
        specs: source.specs,
        sensitivities: {},
        sections,
      });
      if (format === 'html') await writeFileAtomic(path.resolve(out), html, { backup: false });
      else await engine.call('report:pdf', { html, outPath: path.resolve(out) });
      process.stderr.write(
        `wrote ${out} (${sections.length} sections, ${source.runs.length} run(s))\n`,
      );
    } finally {
      await engine.dispose();
    }
  },
};
