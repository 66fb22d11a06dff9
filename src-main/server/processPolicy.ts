// What the browser-mode server process does with an error that escaped every handler.
//
// Each entry point is guarded (browserServer.ts), so reaching here means a bug, not bad input.
// The policy:
// - `unhandledRejection`: a promise nobody awaited failed. The operation it belonged to is over and
//   no synchronous code was cut off halfway, so it is logged and the server keeps serving.
// - `uncaughtException`: thrown from a callback or an event with no listener. Node warns the state
//   may be inconsistent; what the server shares between requests is small (the studio host's
//   session, the engine client), and one failed request or socket is far cheaper for the analyst
//   than losing the session, so it is logged and the server keeps serving — unless such errors come
//   in a burst (more than `maxUncaughtPerMinute` in 60 s), which means every request is hitting the
//   same broken state. Then the server shuts down cleanly (engine stopped, session folder removed)
//   and exits with code 70 (EX_SOFTWARE) so whoever started it sees that it failed.
// Every escape is logged as one line starting with `escapeLogPrefix`, which tests look for.

export const escapeLogPrefix = '[series-studio] escaped error';

export interface ProcessPolicyOptions {
  log: (line: string) => void;
  /** Not safe to go on: close what can be closed and exit with `code`. */
  shutdown: (code: number) => void;
  maxUncaughtPerMinute?: number;
  now?: () => number;
}

export type ProcessLike = Pick<NodeJS.Process, 'on' | 'off'>;

function describeError(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).trim();
  try {
    return `non-error value ${JSON.stringify(error)}`;
  } catch {
    return `non-error value ${String(error)}`;
  }
}

/** Installs the handlers; returns a function that removes them (for tests). */
export function installProcessPolicy(
  target: ProcessLike,
  options: ProcessPolicyOptions,
): () => void {
  const limit = options.maxUncaughtPerMinute ?? 10;
  const now = options.now ?? Date.now;
  const recent: number[] = [];
  let shuttingDown = false;

  const onRejection = (reason: unknown): void => {
    options.log(
      `${escapeLogPrefix} (unhandled rejection; still serving): ${describeError(reason)}`,
    );
  };
  const onException = (error: unknown): void => {
    const at = now();
    recent.push(at);
    while ((recent[0] ?? at) <= at - 60_000) recent.shift();
    if (recent.length <= limit) {
      options.log(
        `${escapeLogPrefix} (uncaught exception; still serving): ${describeError(error)}`,
      );
      return;
    }
    options.log(
      `${escapeLogPrefix} (uncaught exception, ${recent.length} within a minute; shutting down): ${describeError(error)}`,
    );
    if (!shuttingDown) {
      shuttingDown = true;
      options.shutdown(70);
    }
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
