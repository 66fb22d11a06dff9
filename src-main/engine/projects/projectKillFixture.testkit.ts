// Fixture of the project kill tests: the rule that turns a save number into the project saved,
// shared by the test and the child processes it kills (kept free of TensorFlow.js so a child
// starts quickly).
import type { SessionProject } from '../../shared/schemas/project';
import { sampleProject } from './projectData.testkit';

/**
 * Save number n: title "v<n>" and two runs whose ids and models both vary with n, so saves both
 * reuse and add model versions, and old versions keep falling out of use.
 */
export function projectVersion(n: number, modelDirs: readonly string[]): SessionProject {
  const run = (i: number): { id: string; modelDir: string } => ({
    id: `run_${(n + i) % 5}`,
    modelDir: modelDirs[(n + 2 * i) % modelDirs.length] ?? '',
  });
  return { ...sampleProject([]), title: `v${n}`, runs: [run(0), run(1)] };
}

/** The save number of a project (its title "v<n>"). */
export function versionOf(project: { title: string }): number {
  const m = /^v(\d+)$/.exec(project.title);
  if (!m) throw new Error(`not a kill-test project title: ${project.title}`);
  return Number(m[1]);
}
