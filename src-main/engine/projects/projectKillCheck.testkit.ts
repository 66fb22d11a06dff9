// The check after every kill of a process that was saving a project: the previous or the new
// version opens, every run's model loads with the engine's model loader, and after the open's
// cleanup nothing but the project, its .bak and the model versions they refer to remains.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { loadModel } from '../model/modelFiles';
import { opByOpRuntime } from '../model/opByOpKernel';
import { parseProjectText } from './parseProjectText';
import { openProject } from './projectFile';
import { projectVersion, versionOf } from './projectKillFixture.testkit';

export interface KillCheck {
  /** The save number of the project that opened. */
  version: number;
  /** Temp files and folders an interrupted save left, removed by the open. */
  leftovers: number;
}

const versionsIn = (p: { runs: { modelDir?: string | null | undefined }[] }): string[] =>
  p.runs.flatMap((r) => (typeof r.modelDir === 'string' ? [path.posix.basename(r.modelDir)] : []));

/** `lastSaved`: the last save the killed process reported complete. */
export async function checkAfterKill(
  file: string,
  lastSaved: number,
  modelDirs: readonly string[],
): Promise<KillCheck> {
  const folder = path.dirname(file);
  const models = `${file}.models`;
  const before = [
    ...(await readdir(folder)),
    ...(await readdir(models).catch(() => [] as string[])),
  ];
  const opened = await openProject(file);
  const version = versionOf(opened.project);
  // The save in flight when the process died either committed or did not.
  expect([lastSaved, lastSaved + 1]).toContain(version);
  expect(opened.missingModels).toEqual([]);
  const expected = projectVersion(version, modelDirs).runs;
  expect(opened.project.runs.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  for (const [i, run] of opened.project.runs.entries()) {
    expect(typeof run.modelDir).toBe('string');
    const loaded = await loadModel(run.modelDir as string, opByOpRuntime);
    // The model of the run is the one that was saved for it (m<k> names the trained model).
    expect(loaded.sidecar.trainedOn.runId).toBe(path.basename(expected[i]?.modelDir ?? ''));
    loaded.model.dispose();
  }
  const bak = parseProjectText(`${file}.bak`, await readFile(`${file}.bak`, 'utf8'));
  // The .bak is the version the last commit replaced (or the same one, when the kill fell
  // between keeping the .bak and the rename).
  expect([version - 1, version]).toContain(versionOf(bak));
  const current = parseProjectText(file, await readFile(file, 'utf8'));
  const keep = [...new Set([...versionsIn(current), ...versionsIn(bak)])].sort();
  expect((await readdir(folder)).sort()).toEqual([
    path.basename(file),
    `${path.basename(file)}.bak`,
    path.basename(models),
  ]);
  expect((await readdir(models)).sort()).toEqual(keep);
  for (const v of keep) {
    const loaded = await loadModel(path.join(models, v), opByOpRuntime);
    loaded.model.dispose();
  }
  const after = [...(await readdir(folder)), ...(await readdir(models))];
  const leftovers = before.filter((n) => n.startsWith('.') && !after.includes(n)).length;
  return { version, leftovers };
}
