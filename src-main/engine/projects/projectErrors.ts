// Errors from reading a project file. Each names the file; none of them leads to a write.

export type ProjectErrorCode =
  'not-found' | 'unreadable' | 'corrupt-json' | 'not-a-project' | 'newer-schema' | 'invalid';

export class ProjectFileError extends Error {
  readonly code: ProjectErrorCode;
  readonly path: string;
  /** corrupt-json only: where the JSON breaks. */
  readonly position: { offset: number; line: number; column: number } | null;
  constructor(
    code: ProjectErrorCode,
    file: string,
    message: string,
    position: ProjectFileError['position'] = null,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ProjectFileError';
    this.code = code;
    this.path = file;
    this.position = position;
  }
}
