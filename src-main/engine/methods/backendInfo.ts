// The active TensorFlow.js backend, chosen once per engine process (tensorflow > wasm > cpu).
import { initBackend } from '../model/backend';

let chosen: Promise<{ name: 'tensorflow' | 'wasm' | 'cpu'; detail: string }> | null = null;

export function backendInfo(): Promise<{ name: 'tensorflow' | 'wasm' | 'cpu'; detail: string }> {
  chosen ??= initBackend().then((b) => ({ name: b.backend, detail: b.detail }));
  return chosen;
}
