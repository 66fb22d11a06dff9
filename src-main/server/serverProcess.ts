// The browser-mode server as a process: the escape policy, the server, and a clean stop on
// SIGINT/SIGTERM. `main.ts` runs it from the build; tests run it from sources
// (testing/serverChild.ts), so both get the same process-level behaviour.
import type { AppPaths } from '../host/appPaths';
import { installProcessPolicy } from './processPolicy';
import { startStudioServer, type StudioServer } from './studioServer';

export async function runServerProcess(
  paths: AppPaths,
  options: Parameters<typeof startStudioServer>[1] = {},
): Promise<StudioServer> {
  let server: StudioServer | null = null;
  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    // Whatever happens, exit: a close that hangs must not keep a broken server alive.
    setTimeout(() => process.exit(code), 10_000).unref();
    void (server ? server.close() : Promise.resolve())
      .catch(() => undefined)
      .then(() => process.exit(code));
  };
  installProcessPolicy(process, {
    log: (line) => process.stderr.write(`${line}\n`),
    shutdown: stop,
  });
  server = await startStudioServer(paths, options);
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  return server;
}
