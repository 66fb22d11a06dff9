// Every few minutes, a changed session is written to the recovery file; a clean shutdown removes
// it, so a recovery file found at start means the last session ended in a crash.
import { buildProject } from './projectBuilder';
import { recoveryDir } from './handlers/paths';
import { engineCall } from './engineCall';
import type { SessionState } from './sessionState';
import type { HostEnvironment } from './studioHost';

export const autosaveIntervalMs = 2 * 60 * 1000;

export function startAutosave(
  env: HostEnvironment,
  session: SessionState,
  intervalMs = autosaveIntervalMs,
): { stop(clearRecovery?: boolean): Promise<void>; saveNow(): Promise<void> } {
  const job = () => ({ signal: new AbortController().signal, jobId: null });
  async function saveNow(): Promise<void> {
    if (!session.dirty) return;
    session.dirty = false;
    try {
      const project = await buildProject(
        env,
        session,
        { title: session.title ?? 'Untitled project', explore: {}, embedCsv: false },
        job(),
      );
      await engineCall(
        env,
        'project:recovery',
        { action: 'write', dir: recoveryDir(env), project },
        job(),
      );
    } catch {
      session.dirty = true; // try again next time; autosave never interrupts the analyst
    }
  }
  const timer = setInterval(() => void saveNow(), intervalMs);
  timer.unref();
  return {
    saveNow,
    async stop(clearRecovery = true) {
      clearInterval(timer);
      if (!clearRecovery) return;
      await engineCall(
        env,
        'project:recovery',
        { action: 'clear', dir: recoveryDir(env) },
        job(),
      ).catch(() => undefined);
    },
  };
}
