// Browser mode, composed: engine process + studio host + HTTP/WebSocket server.
import os from 'node:os';
import path from 'node:path';
import { EngineClient } from '../host/engineClient';
import { FileAccess } from '../host/fileAccess';
import { forkLauncher } from '../host/forkLauncher';
import type { EngineLauncher } from '../host/engineProcessHandle';
import { createSessionDir } from '../host/sessionDir';
import { createStudioHost } from '../host/studioHost';
import type { AppPaths } from '../host/appPaths';
import { packageVersion } from '../host/packageVersion';
import { startBrowserServer } from './browserServer';
import { newToken } from './requestGuard';

export interface StudioServer {
  url: string;
  port: number;
  token: string;
  engine: EngineClient;
  /** This run's scratch folder (uploads, trained models); removed by close(). */
  sessionDir: string;
  close(): Promise<void>;
}

export async function startStudioServer(
  paths: AppPaths,
  options: {
    port?: number;
    env?: NodeJS.ProcessEnv;
    dataDir?: string;
    /** Tests: wrap the real engine launcher (to count the traffic that reaches the engine). */
    wrapLauncher?: (launch: EngineLauncher) => EngineLauncher;
  } = {},
): Promise<StudioServer> {
  const token = newToken();
  // Sweeps the folders of servers that crashed or were killed, then makes ours (owner pid recorded).
  const session = createSessionDir();
  const sessionDir = session.dir;
  const uploadsDir = path.join(sessionDir, 'uploads');
  const files = new FileAccess({
    samplesDir: path.join(paths.resourcesDir, 'datasets'),
    uploadsDir,
    policy: 'any-user-file',
  });
  const server = await startBrowserServer({
    rendererDir: paths.rendererDir,
    uploadsDir,
    token,
    ...(options.port === undefined ? {} : { port: options.port }),
    onError: (where, error) =>
      process.stderr.write(`[series-studio] server error (${where}): ${String(error)}\n`),
  });
  const launch = forkLauncher({
    entry: paths.engineEntry,
    execArgv: paths.engineExecArgv,
    env: options.env ?? {},
    kernelsDir: paths.kernelsDir,
  });
  const engine = new EngineClient(options.wrapLauncher ? options.wrapLauncher(launch) : launch, {
    onStatus: (status) => server.broadcast('engine:status', status),
    onLog: (level, message) => server.broadcast('app:log', { level, message, at: Date.now() }),
  });
  const host = createStudioHost({
    mode: 'browser',
    version: packageVersion(paths.repoRoot),
    resourcesDir: paths.resourcesDir,
    workDir: sessionDir,
    dataDir: options.dataDir ?? path.join(os.homedir(), '.series-studio'),
    engine,
    files,
    emit: (event, payload) => server.broadcast(event, payload),
  });
  server.attach(host);
  void engine.start().catch(() => undefined);
  return {
    url: server.url,
    port: server.port,
    token,
    engine,
    sessionDir,
    async close() {
      await host.dispose();
      await server.close();
      await engine.dispose();
      session.dispose();
    },
  };
}
