// The compute backend and recurrent kernel of a run in words, for the run view, the runs table and
// the report. The engine's detail string (module paths, loader errors) belongs in the log only.

const short: Record<string, string> = {
  tensorflow: 'Native TensorFlow',
  wasm: 'WebAssembly',
  cpu: 'JavaScript (CPU)',
};

/** "WebAssembly", "Native TensorFlow", "JavaScript (CPU)". */
export function backendName(backend: string): string {
  return short[backend] ?? backend;
}

/** Why the native backend was not used, from the engine's "tensorflow: skipped (…)" note. */
function nativeSkipped(detail: string): string | null {
  const match = /tensorflow: skipped \(([^)]*)\)?/.exec(detail);
  if (!match) return null;
  const why = match[1] ?? '';
  if (/cannot find (package|module)|not found|no such file|ERR_MODULE_NOT_FOUND/i.test(why))
    return 'native TensorFlow not installed';
  return 'native TensorFlow could not start (details in the log)';
}

/** "WebAssembly (SIMD)": the backend and its build, without why others were not used. */
export function backendShortWords(info: { backend: string; detail: string }): string {
  const { backend, detail } = info;
  let text = backendName(backend);
  if (backend === 'wasm') {
    const simd = /SIMD (yes|no)/.exec(detail)?.[1];
    const threads = /threads (yes|no)/.exec(detail)?.[1];
    const parts = [simd === 'yes' ? 'SIMD' : simd === 'no' ? 'no SIMD' : null];
    if (threads === 'yes') parts.push('multi-threaded');
    const shown = parts.filter((p): p is string => p !== null);
    if (shown.length) text += ` (${shown.join(', ')})`;
  }
  return text;
}

/** "WebAssembly (SIMD), native TensorFlow not installed". */
export function backendInWords(info: { backend: string; detail: string }): string {
  const { backend, detail } = info;
  let text = backendShortWords(info);
  if (backend !== 'tensorflow') {
    const skipped = nativeSkipped(detail);
    if (skipped) text += `, ${skipped}`;
  }
  return text;
}

/** "Fused WebAssembly kernels (SIMD, 2 threads)" or "TensorFlow.js layers, op by op". */
export function kernelInWords(kernel: string): string {
  if (/^op-by-op/.test(kernel)) return 'TensorFlow.js layers, op by op';
  if (/fused/.test(kernel)) {
    const parts: string[] = [];
    if (/relaxed/.test(kernel)) parts.push('relaxed SIMD with FMA');
    else if (/simd/.test(kernel)) parts.push('SIMD');
    if (/2-thread/.test(kernel)) parts.push('2 threads');
    return `Fused WebAssembly kernels${parts.length ? ` (${parts.join(', ')})` : ''}`;
  }
  return kernel;
}

/**
 * Where an ensemble's members trained: `threads` ("2 threads", "one thread"), `members` (how
 * many) and the run's note; null for single models and runs recorded before member threads.
 */
export function memberThreadsInWords(
  forecaster:
    | { members: readonly unknown[]; memberThreads?: { threads: number; note: string } }
    | null
    | undefined,
): { threads: string; members: number; note: string } | null {
  const record = forecaster?.memberThreads;
  const members = forecaster?.members.length ?? 0;
  if (!record || members < 2) return null;
  const threads = record.threads === 1 ? 'one thread' : `${record.threads} threads`;
  return { threads, members, note: record.note };
}
