// Runs @doyensec/electronegativity over the Electron sources and fails on findings of MEDIUM
// severity or higher. Suppressions are inline `eng-disable` comments, each justified beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'eneg-')), 'findings.csv');
const run = spawnSync(
  'npx',
  ['electronegativity', '-i', 'src-main/electron', '-e', '45.0.0', '-s', 'medium', '-r', '-o', out],
  { encoding: 'utf8' },
);
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  process.stderr.write(
    `electronegativity did not produce a report:\n${run.stdout}\n${run.stderr}\n`,
  );
  process.exit(1);
}
const findings = csv
  .split('\n')
  .slice(1)
  .filter((line) => /^[A-Z_]+,"(MEDIUM|HIGH|CRITICAL)"/.test(line));
if (findings.length > 0) {
  process.stderr.write(
    `electronegativity: ${findings.length} finding(s) of medium severity or higher:\n`,
  );
  for (const f of findings) process.stderr.write(`  ${f}\n`);
  process.exit(1);
}
process.stdout.write(
  'electronegativity: no findings of medium severity or higher in src-main/electron\n',
);
