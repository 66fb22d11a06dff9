// Collections of series (issue 17): open a long-format CSV as a collection, read one series, run
// a global model over a collection and list what the session holds. The host keeps each
// collection's file, layout and content hash, and every run (runs carry all their numbers).
import { randomBytes } from 'node:crypto';
import type { CollectionRun } from '../../shared/schemas/collection';
import { collectionIdFor, type CollectionSpec } from '../collectionRegistry';
import { engineCall } from '../engineCall';
import { fileHash } from '../projectBuilder';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment } from '../studioHost';

type CollectionChannels =
  'collections:open' | 'collections:series' | 'collections:fit' | 'collections:state';

export type CollectionEnv = Pick<HostEnvironment, 'engine' | 'emit' | 'files' | 'onFileUsed'>;

const fileOf = (spec: CollectionSpec) => ({
  path: spec.path,
  layout: spec.layout,
  sha256: spec.sha256,
});

export function collectionHandlers(
  env: CollectionEnv,
  session: SessionState,
): Pick<Handlers, CollectionChannels> {
  const { collections } = session;
  return {
    'collections:open': async (request, job) => {
      const file = await env.files.resolve(request.source);
      const { sha256, sizeBytes } = await fileHash(env, session, file.path, job);
      const summary = await engineCall(
        env,
        'collections:index',
        { path: file.path, layout: request.layout, sha256 },
        job,
      );
      const spec: CollectionSpec = {
        collectionId: collectionIdFor(sha256, request.layout),
        source: request.source,
        path: file.path,
        name: file.name,
        layout: request.layout,
        sha256,
        sizeBytes,
      };
      const info = {
        ...summary,
        collectionId: spec.collectionId,
        name: file.name,
        layout: request.layout,
      };
      if (request.preview) return info;
      collections.put(spec, info);
      session.dirty = true;
      if (request.source.kind === 'path') env.onFileUsed?.(file.path, 'csv');
      return info;
    },
    'collections:series': async ({ collectionId, id }, job) =>
      engineCall(env, 'collections:series', { ...fileOf(collections.spec(collectionId)), id }, job),
    'collections:fit': async ({ collectionId, settings }, job) => {
      const spec = collections.spec(collectionId);
      const body = await engineCall(env, 'collections:fit', { ...fileOf(spec), settings }, job);
      const run: CollectionRun = {
        ...body,
        runId: `crun_${randomBytes(6).toString('hex')}`,
        collectionId,
        collectionName: spec.name,
        createdAt: new Date().toISOString(),
        settings,
      };
      collections.addRun(run);
      session.dirty = true;
      return run;
    },
    'collections:state': async () => ({
      collections: collections.all().map((c) => c.info),
      runs: collections.runs(),
    }),
  };
}
