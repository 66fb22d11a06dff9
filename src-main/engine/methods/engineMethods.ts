// The engine's handler table: one handler per method of the engine map (shared/engineMethods.ts),
// which holds each method's params, result and progress schemas.
import { DatasetStore } from '../datasets/datasetStore';
import type { MethodTable } from '../process/methodTypes';
import { analysisMethods } from './analysisMethods';
import { datasetMethods } from './datasetMethods';
import { debugMethods } from './debugMethods';
import { backtestMethods } from './backtestMethods';
import { collectionMethods } from './collectionMethods';
import { interpretMethods } from './interpretMethods';
import { projectMethods } from './projectMethods';
import { reportMethods } from './reportMethods';
import { modelMethods } from './modelMethods';
import { backendInfo } from './backendInfo';

export function engineMethods(): MethodTable {
  const store = new DatasetStore();
  return {
    'engine:backend': () => backendInfo(),
    ...datasetMethods(store),
    ...analysisMethods(store),
    ...modelMethods(store),
    ...interpretMethods(store),
    ...backtestMethods(store),
    ...collectionMethods(),
    ...reportMethods(store),
    ...projectMethods(),
    // Fault drills for the test suite only; absent unless the host opts in.
    ...(process.env.SERIES_STUDIO_DEBUG_METHODS === '1' ? debugMethods() : {}),
  };
}
