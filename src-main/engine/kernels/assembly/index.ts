// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.
// Entry point of rnn.wasm. Every export takes the byte address of a plan record (see plan.ts);
// the module owns no heap: TypeScript lays out all buffers in the imported memory.
export { lstmForward, lstmBackward } from './lstm';
export { gruForward, gruBackward } from './gru';
export { simpleRnnForward, simpleRnnBackward } from './simpleRnn';
