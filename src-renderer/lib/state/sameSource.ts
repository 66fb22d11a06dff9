import type { FileSource } from '../../../src-main/shared/schemas/common';

/** One key per file, whatever options or choices it was opened with. */
export function sourceKey(source: FileSource): string {
  switch (source.kind) {
    case 'sample':
      return `sample:${source.name}`;
    case 'path':
      return `path:${source.path}`;
    case 'upload':
      return `upload:${source.uploadId}`;
  }
}
