// The active TensorFlow.js backend (tensorflow > wasm > cpu) and recurrent kernel (fused > op-by-op),
// chosen once per engine process before any model is built.
import { selectRecurrentKernel, type KernelChoice } from '../kernels/selectRecurrentKernel';
import { initBackend } from '../model/backend';

export interface EngineInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  detail: string;
  kernel: KernelChoice;
}

let chosen: Promise<EngineInfo> | null = null;

export function backendInfo(): Promise<EngineInfo> {
  chosen ??= initBackend().then(async (b) => ({
    name: b.backend,
    detail: b.detail,
    kernel: await selectRecurrentKernel(),
  }));
  return chosen;
}
