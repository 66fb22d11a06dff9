// The envelope every contract call resolves to. Errors are values, never exceptions thrown across a
// process boundary, so the renderer always gets a code it can act on.
import { z } from 'zod';

export const errorCodes = [
  'invalid-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'import-error',
  'cancelled',
  'engine-crashed',
  /** An engine call that is not a job did not answer within its limit (shared/engineMethods.ts). */
  'timeout',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const StudioErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type StudioError = z.infer<typeof StudioErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}

/** Thrown inside hosts and the engine; converted to a `fail` envelope at the boundary. */
export class StudioFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StudioFailure';
  }
}

/** The contract code of a refused save, by errno. */
export function saveErrorCode(errno: string): ErrorCode {
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'forbidden';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'unavailable';
    case 'EISDIR':
    case 'ENOTDIR':
    case 'ENOENT':
    case 'ENAMETOOLONG':
      return 'invalid-request';
    default:
      return 'internal';
  }
}

export function toStudioError(error: unknown): StudioError {
  if (error instanceof StudioFailure) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof Error && error.name === 'CsvImportError') {
    // The importer's errors already name file, row and column; keep the parts for the UI too.
    const { code, file, row, column } = error as Error & Record<string, unknown>;
    return {
      code: 'import-error',
      message: error.message,
      details: { reason: code, file, row, column },
    };
  }
  if (error instanceof Error && error.name === 'AtomicWriteError') {
    // A save the file system refused (a folder as the target, no permission, a full disk): the
    // message already names the file and says the previous version is unchanged.
    const { code, path } = error as Error & Record<string, unknown>;
    return {
      code: typeof code === 'string' ? saveErrorCode(code) : 'internal',
      message: error.message,
      details: { reason: code, file: path },
    };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'cancelled', message: 'Cancelled.' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
