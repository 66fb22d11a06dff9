// Child process of the project kill test: saves version after version of one project (with its
// trained runs' models) through the engine's saveProject, printing "saved <n>" after each, until
// the parent SIGKILLs it. Usage: projectSaveLoop <project file> <first n> <model dir>...
import { saveProject } from './projectFile';
import { projectVersion } from './projectKillFixture.testkit';

const [file, first, ...modelDirs] = process.argv.slice(2);
if (!file || !first || modelDirs.length === 0)
  throw new Error('usage: projectSaveLoop <project file> <first n> <model dir>...');
const roots = [...new Set(modelDirs.map((d) => d.slice(0, d.lastIndexOf('/'))))];
for (let n = Number(first); ; n++) {
  await saveProject(file, projectVersion(n, modelDirs), { modelRoots: roots });
  process.stdout.write(`saved ${n}\n`);
}
