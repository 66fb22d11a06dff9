// A real fork whose Node binary does not exist: the spawn fails with ENOENT, which must reach the
// error reporter and the exit listeners instead of escaping as an uncaught exception.
import { describe, expect, it } from 'vitest';
import { forkLauncher } from './forkLauncher';

describe('forkLauncher', () => {
  it('reports a failed spawn as an exit, without an uncaught exception', async () => {
    const errors: string[] = [];
    const launch = forkLauncher({
      entry: '/nonexistent/engine.js',
      execPath: '/nonexistent/node',
      onError: (m) => errors.push(m),
    });
    const handle = launch();
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      handle.onExit((code, signal) => resolve({ code, signal })),
    );
    expect(exit).toEqual({ code: null, signal: 'spawn-error' });
    expect(errors).toEqual(['engine process error: spawn /nonexistent/node ENOENT']);
    expect(handle.pid).toBeUndefined();
  });
});
