// Child process of the host kill test: a host that owns a real engine process and has it save
// version after version of one project (with trained runs' models), printing "engine <pid>" once
// and "saved <n>" after each save, until the parent SIGKILLs it (the engine then loses its host
// in the middle of a save).
// Usage: projectHostLoop <engine entry (.mjs)> <kernels dir> <project file> <first n> <model dir>...
import path from 'node:path';
import { projectVersion } from '../engine/projects/projectKillFixture.testkit';
import { EngineClient } from './engineClient';
import { forkLauncher } from './forkLauncher';

const [entry, kernelsDir, file, first, ...modelDirs] = process.argv.slice(2);
if (!entry || !kernelsDir || !file || !first || modelDirs.length === 0)
  throw new Error(
    'usage: projectHostLoop <engine> <kernels> <project file> <first n> <model dir>...',
  );
const modelRoots = [...new Set(modelDirs.map((d) => path.dirname(d)))];
// A loaded machine can take long to start an engine; this test is about kills, not start-up.
const engine = new EngineClient(forkLauncher({ entry, execArgv: [], kernelsDir }), {
  startTimeoutMs: 120_000,
});
for (let n = Number(first); ; n++) {
  const result = await engine.call('project:save', {
    path: file,
    project: projectVersion(n, modelDirs),
    modelRoots,
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  if (n === Number(first)) process.stdout.write(`engine ${engine.pid ?? -1}\n`);
  process.stdout.write(`saved ${n}\n`);
}
