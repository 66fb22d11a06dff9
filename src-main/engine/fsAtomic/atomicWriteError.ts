// Turns low-level errno failures of a save into messages a user can act on. Every message names
// the file and says the previous version was left as it was.

export class AtomicWriteError extends Error {
  readonly code: string;
  readonly path: string;
  constructor(message: string, code: string, file: string, cause: unknown) {
    super(message, { cause });
    this.name = 'AtomicWriteError';
    this.code = code;
    this.path = file;
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied, the folder is not writable',
  EPERM: 'operation not permitted, the folder is not writable',
  EROFS: 'the folder is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENOTDIR: 'a part of the folder path is a file, not a folder',
  ENOENT: 'the folder does not exist',
  EISDIR: 'the target is a folder',
  ENAMETOOLONG: 'the file name is too long',
};

export function atomicWriteError(file: string, cause: unknown): AtomicWriteError {
  if (cause instanceof AtomicWriteError) return cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
  const reason = REASONS[code] ?? (cause instanceof Error ? cause.message : String(cause));
  return new AtomicWriteError(
    `Could not save "${file}": ${reason} (${code}). The previous version, if any, is unchanged.`,
    code,
    file,
    cause,
  );
}
