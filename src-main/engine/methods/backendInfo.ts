// The active TensorFlow.js backend (tensorflow > wasm > cpu) and the engine's training runtime
// (fused > op-by-op), chosen once per engine process before any model is built.
import { engineRuntime } from '../kernels/trainingRuntime';
import { initBackend } from '../model/backend';

export interface EngineInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  detail: string;
  kernel: { name: string; detail: string };
}

let chosen: Promise<EngineInfo> | null = null;

export function backendInfo(): Promise<EngineInfo> {
  chosen ??= initBackend().then(async (b) => {
    const runtime = await engineRuntime();
    return {
      name: b.backend,
      detail: b.detail,
      kernel: { name: runtime.name, detail: runtime.detail },
    };
  });
  return chosen;
}
