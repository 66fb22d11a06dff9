// Every channel's handler, one module per channel family; each family takes only what it uses of
// the host environment and the session.
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment } from '../studioHost';
import { appHandlers } from './app';
import { collectionHandlers } from './collections';
import { datasetHandlers } from './datasets';
import { modelHandlers } from './model';
import { projectHandlers } from './project';
import { reportHandlers } from './report';
import { runHandlers } from './runs';

export { sampleDatasetName } from './app';

export function createHandlers(
  env: HostEnvironment,
  session: SessionState,
  cancelJob: (jobId: string) => boolean,
): Handlers {
  return {
    ...appHandlers(env, session, cancelJob),
    ...datasetHandlers(env, session),
    ...collectionHandlers(env, session),
    ...modelHandlers(env, session),
    ...runHandlers(env, session),
    ...projectHandlers(env, session),
    ...reportHandlers(env, session),
  };
}
