// The active TensorFlow.js backend (tensorflow > wasm > cpu) and the engine's training runtime
// (fused > op-by-op), chosen once per engine process before any model is built; asking also starts
// the threads that train ensemble members (forecasting/engineMemberPool.ts).
import { engineRuntime } from '../kernels/trainingRuntime';
import { initBackend } from '../model/backend';
import { engineMemberPool } from '../forecasting/engineMemberPool';

export interface EngineInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  detail: string;
  kernel: { name: string; detail: string };
}

let chosen: Promise<EngineInfo> | null = null;

export function backendInfo(): Promise<EngineInfo> {
  chosen ??= initBackend().then(async (b) => {
    const runtime = await engineRuntime();
    // The studio asks this first: start the member threads now, so the first fit has them.
    engineMemberPool(runtime)?.warm();
    return {
      name: b.backend,
      detail: b.detail,
      kernel: { name: runtime.name, detail: runtime.detail },
    };
  });
  return chosen;
}
