// Runs the Python peer programs in /work/shared/bench-peers with Debian's python3 and parses the
// one JSON line each prints. A missing interpreter or package is reported, never thrown, so a
// benchmark can skip that peer and still print our own figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../src-main/engine/testing/sharedData';

/** Debian's interpreter, where the apt packages live; BENCH_PYTHON points elsewhere (a venv). */
export const PYTHON = process.env['BENCH_PYTHON'] ?? '/usr/bin/python3';
const INSTALL_HINT = 'install: apt-get install -y python3-torch python3-pandas python3-statsmodels';

export function peerScript(name: string): string {
  return path.join(sharedDir, 'bench-peers', name);
}

/** null when importable, otherwise why not (shown in the benchmark output). */
export function missingPythonModules(modules: string[]): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found: peer skipped (${INSTALL_HINT})`;
  const missing = modules.filter((m) => {
    const r = spawnSync(PYTHON, ['-c', `import ${m}`], { stdio: 'ignore', timeout: 120_000 });
    return r.status !== 0;
  });
  if (missing.length === 0) return null;
  return `python module(s) ${missing.join(', ')} missing: peer skipped (${INSTALL_HINT})`;
}

export type PeerOutput = Record<string, unknown>;

export interface PeerRun {
  /** The peer's own JSON line (its timings are wall clock, perf_counter). */
  out: PeerOutput;
  /**
   * process_time() read at each of the peer's own perf_counter() calls, in order: the same
   * intervals in CPU seconds, which a busy shared machine distorts far less than wall time.
   */
  cpuMarks: number[];
}

// Runs the unmodified peer with time.perf_counter wrapped so that calls made from the peer file
// itself also record process_time(); library-internal calls are not recorded.
const CPU_MARK_WRAPPER = `
import json, runpy, sys, time
script = sys.argv[1]
sys.argv = sys.argv[1:]
wall = time.perf_counter
marks = []
def marked():
    if sys._getframe(1).f_code.co_filename == script:
        marks.append(time.process_time())
    return wall()
time.perf_counter = marked
runpy.run_path(script, run_name="__main__")
print(json.dumps({"cpu_marks": marks}))
`;

function jsonObject(line: string, script: string): PeerOutput {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${script} printed no JSON object: ${line}`);
  }
  return parsed as PeerOutput;
}

/** Runs a peer script; its last stdout line before the wrapper's must be a JSON object. */
export function runPeer(script: string, args: string[], timeoutMs = 300_000): PeerRun {
  const r = spawnSync(PYTHON, ['-c', CPU_MARK_WRAPPER, peerScript(script), ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${script}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`${script} exited ${r.status}: ${r.stderr.trim().slice(-500)}`);
  const lines = r.stdout.trim().split('\n');
  const marks = jsonObject(lines.at(-1) ?? '', script)['cpu_marks'];
  const cpuMarks = Array.isArray(marks) ? marks.map(Number) : [];
  return { out: jsonObject(lines.at(-2) ?? '', script), cpuMarks };
}

/** CPU seconds between the peer's perf_counter calls i and j (negative j counts from the end). */
export function cpuBetween(run: PeerRun, i: number, j: number): number {
  const a = run.cpuMarks.at(i);
  const b = run.cpuMarks.at(j);
  if (a === undefined || b === undefined)
    throw new Error(`peer recorded ${run.cpuMarks.length} clock marks`);
  return b - a;
}

export function numberField(out: PeerOutput, key: string): number {
  const v = out[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`peer output lacks number "${key}"`);
  return v;
}

/** Installed version from package metadata, without importing the (slow) package itself. */
export function pythonPackageVersion(dist: string): string | null {
  if (!existsSync(PYTHON)) return null;
  const code = `import importlib.metadata as m\ntry:\n print(m.version('${dist}'))\nexcept Exception:\n print('')`;
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8', timeout: 60_000 });
  const v = r.status === 0 ? r.stdout.trim() : '';
  return v === '' ? null : v;
}

export function pythonVersion(): string | null {
  if (!existsSync(PYTHON)) return null;
  const r = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim().replace(/^Python /, '') : null;
}
