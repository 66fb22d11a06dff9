// What the engine client needs from a child process, whatever launched it (Node's child_process.fork
// in browser mode and the CLI, Electron's utilityProcess in the desktop app).
export interface EngineProcessHandle {
  readonly pid: number | undefined;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type EngineLauncher = () => EngineProcessHandle;
