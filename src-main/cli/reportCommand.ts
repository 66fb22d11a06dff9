import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../engine/fsAtomic/writeFileAtomic';
import { parseUnknown } from '../shared/parseUnknown';
import { RunResult } from '../shared/schemas/model';
import type { Project } from '../shared/schemas/project';
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
}

async function fromProject(engine: CliEngine, file: string): Promise<ReportSource> {
  const opened = await engine.call<{ project: Project }>('projects:open', {
    path: path.resolve(file),
  });
  const { project } = opened;
  const ds = project.datasets[0];
  const spec: DatasetSpec | null = ds
    ? {
        datasetId: ds.datasetId,
        source: { kind: 'path', path: ds.path },
        path: ds.path,
        name: ds.name,
        options: ds.options,
        choices: ds.choices,
      }
    : null;
  const runs = project.runs.map((r) => parseUnknown(RunResult, r, `run ${r.id} in ${file}`));
  return { title: project.title, spec, runs };
}

async function fromRuns(files: string[]): Promise<ReportSource> {
  const runs = await Promise.all(
    files.map(async (f) =>
      parseUnknown(RunResult, JSON.parse(await readFile(f, 'utf8')), `run file ${f}`),
    ),
  );
  const first = runs[0];
  const csv = first?.dataset.filePath;
  const spec = csv ? await datasetSpecFor(csv) : null;
  return { title: `${first?.dataset.name ?? 'Series Studio'} — forecasting report`, spec, runs };
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
      const { html } = await engine.call<{ html: string }>('reports:html', {
        title: stringOption(args, 'title') ?? source.title,
        spec: source.spec,
        column: stringOption(args, 'column') ?? source.runs[0]?.config.target ?? null,
        runs: source.runs,
        sensitivities: {},
        sections,
      });
      if (format === 'html') await writeFileAtomic(path.resolve(out), html, { backup: false });
      else await engine.call('reports:pdf', { html, outPath: path.resolve(out) });
      process.stderr.write(
        `wrote ${out} (${sections.length} sections, ${source.runs.length} run(s))\n`,
      );
    } finally {
      await engine.dispose();
    }
  },
};
