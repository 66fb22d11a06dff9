// For the crash tests: a node child process that is SIGKILLed at some moment of its work.
import { spawn } from 'node:child_process';
import { repoRoot } from './sharedData';

/**
 * Runs node with `args` from the repository root, hands each piece of its output to `onOutput`
 * and SIGKILLs it `delayMs` after the first piece. Resolves once it is killed; rejects if it
 * fails to start or exits by itself (with its error output).
 */
export function runUntilKilled(
  args: readonly string[],
  delayMs: number,
  onOutput: (text: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      onOutput(d.toString());
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`saver exited with ${code}: ${stderr}`));
    });
  });
}
