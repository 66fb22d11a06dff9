// Facts about the machine and toolchain that a benchmark figure is meaningless without.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { pythonPackageVersion, pythonVersion } from './peers';

export interface MachineFacts {
  cpu: string;
  cores: number;
  memoryGB: number;
  platform: string;
  node: string;
  python: string | null;
  torch: string | null;
  pandas: string | null;
  statsmodels: string | null;
  numpy: string | null;
}

/** First "model name" of /proc/cpuinfo; os.cpus() as a fallback off Linux. */
export function cpuModel(cpuinfo: string | null): string {
  const line = cpuinfo?.split('\n').find((l) => l.startsWith('model name'));
  const fromProc = line?.split(':').slice(1).join(':').trim();
  return fromProc || (os.cpus()[0]?.model ?? 'unknown');
}

function readCpuinfo(): string | null {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return null;
  }
}

export function machineFacts(): MachineFacts {
  return {
    cpu: cpuModel(readCpuinfo()),
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: pythonVersion(),
    torch: pythonPackageVersion('torch'),
    pandas: pythonPackageVersion('pandas'),
    statsmodels: pythonPackageVersion('statsmodels'),
    numpy: pythonPackageVersion('numpy'),
  };
}

export function describeMachine(m: MachineFacts, tfjsBackend: string | null): string {
  const py = m.python === null ? 'python3 missing' : `python ${m.python}`;
  const pkg = (name: string, v: string | null): string => `${name} ${v ?? 'missing'}`;
  return [
    `CPU: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ${m.platform}`,
    `node ${m.node}; tfjs backend: ${tfjsBackend ?? 'not used'}`,
    `${py}; ${pkg('torch', m.torch)}, ${pkg('pandas', m.pandas)}, ${pkg('statsmodels', m.statsmodels)}, ${pkg('numpy', m.numpy)}`,
  ].join('\n');
}
