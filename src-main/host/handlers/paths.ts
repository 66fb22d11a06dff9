// Where project and report files go: a path the user chose through the app (a dialog on the
// desktop, the typed absolute path in browser mode), and the recovery folder.
import path from 'node:path';
import { StudioFailure } from '../../shared/result';
import type { HostEnvironment } from '../studioHost';

export type PathChoice = Pick<HostEnvironment, 'files' | 'desktop'>;

export async function choosePath(
  env: PathChoice,
  given: string | null,
  kind: 'project' | 'pdf' | 'html',
  open: boolean,
): Promise<string> {
  if (given !== null) {
    if (!path.isAbsolute(given))
      throw new StudioFailure('invalid-request', `"${given}" is not an absolute path.`);
    // Desktop: only files chosen through a dialog or the recent list; browser mode: the typed path.
    if (!env.files.isAllowed(given))
      throw new StudioFailure('forbidden', `${given} was not chosen through the app.`);
    return given;
  }
  if (!env.desktop)
    throw new StudioFailure('invalid-request', 'Enter the absolute path of the file.');
  const picked = open
    ? await env.desktop.chooseOpenPath(kind)
    : await env.desktop.chooseSavePath(kind);
  if (picked === null) throw new StudioFailure('cancelled', 'Cancelled.');
  env.files.allow(picked);
  return picked;
}

export function recoveryDir(env: Pick<HostEnvironment, 'dataDir'>): string {
  return path.join(env.dataDir, 'recovery');
}
