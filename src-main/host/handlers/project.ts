// Save and open projects, and crash recovery: the handlers that move a whole session.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectModelsDir } from '../../engine/projects/projectModels';
import type { DatasetInfo } from '../../shared/schemas/dataset';
import type { SensitivityResult } from '../../shared/schemas/interpret';
import type { DatasetCheck, ProjectCollection, SessionProject } from '../../shared/schemas/project';
import type { OpenedProject } from '../../shared/schemas/projectChannels';
import { RunResult } from '../../shared/schemas/model';
import { StudioFailure } from '../../shared/result';
import type { DatasetSpec } from '../datasetRegistry';
import { engineCall } from '../engineCall';
import { buildProject, fileHash } from '../projectBuilder';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment, JobScope } from '../studioHost';
import { choosePath, recoveryDir } from './paths';

/** What the project handlers use of the host. */
export type ProjectEnv = Pick<
  HostEnvironment,
  'engine' | 'emit' | 'files' | 'desktop' | 'workDir' | 'dataDir' | 'version' | 'onFileUsed'
>;

const noJob = (): JobScope => ({ signal: new AbortController().signal, jobId: null });

export function projectHandlers(
  env: ProjectEnv,
  session: SessionState,
): Pick<Handlers, 'project:save' | 'project:open' | 'project:recovery'> {
  /** Models folders of the projects opened in this session: a save may copy models from them. */
  const openedModels = new Set<string>();

  /**
   * The CSV a project's dataset is read from. A project file is untrusted, so it only ever leads
   * to: its own embedded copy (written inside the work folder under its validated base name), a
   * file the user chose (relocated; on the desktop it must come from a dialog), or the file it
   * names when that file's content hash is the one the project recorded (so a crafted project
   * cannot make the app read a file whose content it does not already know).
   */
  async function datasetFile(
    ds: SessionProject['datasets'][number],
    check: DatasetCheck | undefined,
    relocated: string | undefined,
  ): Promise<string | null> {
    if (relocated !== undefined)
      return (await env.files.resolve({ kind: 'path', path: relocated })).path;
    if (check?.status === 'ok' || (check?.status === 'changed' && env.files.isAllowed(ds.path))) {
      if (!env.files.isAllowed(ds.path)) env.files.allow(ds.path);
      const named = await env.files.resolve({ kind: 'path', path: ds.path }).catch((e: unknown) => {
        // Not a file the app opens (e.g. an unexpected extension): use the copy, or ask.
        if (e instanceof StudioFailure) return null;
        throw e;
      });
      if (named) return named.path;
    }
    if (ds.embeddedCsv === undefined) return null;
    const folder = path.join(env.workDir, 'embedded', ds.datasetId);
    const file = path.join(folder, ds.name);
    if (path.dirname(file) !== folder || path.basename(file) !== ds.name)
      throw new StudioFailure(
        'invalid-request',
        `The dataset name "${ds.name}" is not a file name.`,
      );
    await mkdir(folder, { recursive: true });
    await writeFile(file, ds.embeddedCsv);
    env.files.allow(file);
    return file;
  }

  async function restoreDataset(
    ds: SessionProject['datasets'][number],
    check: DatasetCheck | undefined,
    relocated: string | undefined,
    job: JobScope,
  ): Promise<DatasetInfo | null> {
    const file = await datasetFile(ds, check, relocated);
    if (file === null) return null;
    const spec: DatasetSpec = {
      datasetId: ds.datasetId,
      source: { kind: 'path', path: file },
      path: file,
      name: ds.name,
      options: ds.options,
      choices: ds.choices,
    };
    const info = await engineCall(env, 'datasets:open', { spec }, job);
    session.datasets.put(spec, info, ds.sha256);
    return info;
  }

  /**
   * Re-reads a project's collection from the file it names, only when that file's content hash
   * is the one the project recorded; returns why it could not, or null. Its runs are kept anyway.
   */
  async function restoreCollection(c: ProjectCollection, job: JobScope): Promise<string | null> {
    const isFile = await stat(c.path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile)
      return `The collection ${c.name} was not found where the project was saved; its runs are kept.`;
    const { sha256 } = await fileHash(env, session, c.path, job);
    if (sha256 !== c.sha256)
      return `The collection ${c.name} has changed since the project was saved, so it was not reopened; its runs are kept.`;
    env.files.allow(c.path);
    const summary = await engineCall(
      env,
      'collections:index',
      { path: c.path, layout: c.layout, sha256 },
      job,
    );
    session.collections.put(
      {
        collectionId: c.collectionId,
        source: { kind: 'path', path: c.path },
        path: c.path,
        name: c.name,
        layout: c.layout,
        sha256,
        sizeBytes: c.sizeBytes,
      },
      { ...summary, collectionId: c.collectionId, name: c.name, layout: c.layout },
    );
    return null;
  }

  return {
    'project:save': async (request, job) => {
      const file = await choosePath(env, request.path, 'project', false);
      const project = await buildProject(env, session, request, job);
      const modelRoots = [path.join(env.workDir, 'models'), ...openedModels];
      const saved = await engineCall(env, 'project:save', { path: file, project, modelRoots }, job);
      await engineCall(env, 'project:recovery', { action: 'clear', dir: recoveryDir(env) }, job);
      session.dirty = false;
      session.title = request.title;
      session.projectPath = file;
      env.onFileUsed?.(file, 'project');
      return { path: file, warnings: saved.warnings };
    },
    'project:open': async (request, job) => {
      const file = await choosePath(env, request.path, 'project', true);
      const opened = await engineCall(env, 'project:open', { path: file }, job);
      const { project } = opened;
      openedModels.add(projectModelsDir(file));
      const warnings = opened.missingModels.map(
        (id) =>
          `Run ${id}: its model files are missing, so it cannot be explained or re-used (its results are kept).`,
      );
      const needsFile: OpenedProject['needsFile'] = [];
      const datasetIds: string[] = [];
      const infos: DatasetInfo[] = [];
      for (const ds of project.datasets) {
        const check = opened.datasetChecks.find((c) => c.datasetId === ds.datasetId);
        if (check?.status === 'changed')
          warnings.push(
            `${ds.name} has changed since the project was saved (its content hash differs); results may not match the file.`,
          );
        const info = await restoreDataset(ds, check, request.relocate[ds.datasetId], job);
        if (info) {
          datasetIds.push(info.datasetId);
          infos.push(info);
        } else needsFile.push({ datasetId: ds.datasetId, name: ds.name, path: ds.path });
      }
      const runIds: string[] = [];
      for (const raw of project.runs) {
        const parsed = RunResult.safeParse(raw);
        if (!parsed.success) {
          warnings.push(`Run ${raw.id} could not be read and was skipped.`);
          continue;
        }
        const origin = (raw as { origin?: unknown }).origin;
        session.runs.add(
          parsed.data,
          origin === 'search' || origin === 'backtest' ? origin : 'project',
          (raw as { best?: unknown }).best === true,
        );
        runIds.push(parsed.data.id);
      }
      // Explanations saved with the runs: the report and the Explain view show them again.
      const explanations: Record<string, SensitivityResult> = {};
      for (const [runId, explanation] of Object.entries(project.explanations ?? {})) {
        if (!runIds.includes(runId) || explanation.runId !== runId) continue;
        session.sensitivities.set(runId, explanation);
        explanations[runId] = explanation;
      }
      for (const c of project.collections ?? []) {
        const why = await restoreCollection(c, job);
        if (why) warnings.push(why);
      }
      for (const run of project.collectionRuns ?? []) session.collections.addRun(run);
      session.title = project.title;
      session.projectPath = path.dirname(file) === recoveryDir(env) ? null : file;
      env.onFileUsed?.(file, 'project');
      return {
        path: file,
        title: project.title,
        savedAt: project.savedAt,
        datasetIds,
        datasets: infos,
        runIds,
        explore: project.explore,
        checks: opened.datasetChecks,
        needsFile,
        warnings,
        explanations,
      };
    },
    'project:recovery': async () => {
      const read = await engineCall(
        env,
        'project:recovery',
        { action: 'read', dir: recoveryDir(env) },
        noJob(),
      ).catch(() => null);
      const project = read?.project ?? null;
      if (project && read) env.files.allow(read.path);
      return {
        available: project !== null,
        savedAt: project?.savedAt ?? null,
        title: project?.title ?? null,
        path: project ? (read?.path ?? null) : null,
      };
    },
  };
}
