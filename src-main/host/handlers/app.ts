// The app itself: its info, the session it holds, cancelling jobs, uploads and the file dialog.
import os from 'node:os';
import { StudioFailure } from '../../shared/result';
import { engineCall } from '../engineCall';
import type { SessionState } from '../sessionState';
import { storeUploadText } from '../uploads';
import type { Handlers, HostEnvironment } from '../studioHost';

export const sampleDatasetName = 'AirPassengers.csv';

type AppChannels =
  'app:info' | 'session:state' | 'jobs:cancel' | 'uploads:create' | 'dialog:openCsv';

/** What the app handlers use of the host. */
export type AppEnv = Pick<
  HostEnvironment,
  'engine' | 'emit' | 'version' | 'mode' | 'files' | 'desktop'
>;

export function appHandlers(
  env: AppEnv,
  session: Pick<SessionState, 'title' | 'projectPath' | 'datasets'>,
  cancelJob: (jobId: string) => boolean,
): Pick<Handlers, AppChannels> {
  const { datasets } = session;
  return {
    'app:info': async (_request, job) => {
      const backend = await engineCall(env, 'engine:backend', {}, job);
      return {
        name: 'Series Studio',
        version: env.version,
        mode: env.mode,
        platform: `${os.platform()} ${os.arch()}`,
        versions: Object.fromEntries(
          Object.entries(process.versions).filter((e): e is [string, string] => e[1] !== undefined),
        ),
        backend,
        sampleDataset: sampleDatasetName,
      };
    },
    'session:state': async () => ({
      title: session.title,
      path: session.projectPath,
      datasets: datasets.list().map((d) => d.info),
    }),
    'jobs:cancel': async (request) => ({ cancelled: cancelJob(request.jobId) }),
    'uploads:create': async ({ name, text }) => storeUploadText(env.files.uploadsDir, name, text),
    'dialog:openCsv': async () => {
      if (!env.desktop)
        throw new StudioFailure('unavailable', 'File dialogs exist only in the desktop app.');
      const chosen = await env.desktop.openCsvDialog();
      if (chosen !== null) env.files.allow(chosen);
      return { path: chosen };
    },
  };
}
