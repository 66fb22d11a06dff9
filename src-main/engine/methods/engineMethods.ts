// The engine's method table: every call the hosts may make, each with its params schema.
import { z } from 'zod';
import { DatasetStore } from '../datasets/datasetStore';
import { method } from '../process/methodTypes';
import type { MethodTable } from '../process/engineServer';
import { analysisMethods } from './analysisMethods';
import { datasetMethods } from './datasetMethods';
import { debugMethods } from './debugMethods';
import { backtestMethods } from './backtestMethods';
import { interpretMethods } from './interpretMethods';
import { projectMethods } from './projectMethods';
import { reportMethods } from './reportMethods';
import { modelMethods } from './modelMethods';
import { backendInfo } from './backendInfo';

export function engineMethods(): MethodTable {
  const store = new DatasetStore();
  return {
    'engine:backend': method(z.object({}), async () => backendInfo()),
    ...datasetMethods(store),
    ...analysisMethods(store),
    ...modelMethods(store),
    ...interpretMethods(store),
    ...backtestMethods(store),
    ...reportMethods(store),
    ...projectMethods(),
    // Fault drills for the test suite only; absent unless the host opts in.
    ...(process.env.SERIES_STUDIO_DEBUG_METHODS === '1' ? debugMethods() : {}),
  };
}
