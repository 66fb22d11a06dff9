// Turns a FileSource from the renderer into a real path, refusing anything the user did not choose.
// Desktop: only paths that came from a native dialog, drag-and-drop or the recent list. Browser mode:
// the person at the token-protected page typed or uploaded it. Either way: absolute, a regular
// file, an expected extension, no device files.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileSource } from '../shared/schemas/common';
import { StudioFailure } from '../shared/result';

export type PathPolicy = 'chosen-only' | 'any-user-file';

const readableExtensions = new Set(['.csv', '.tsv', '.txt', '.dat']);

export interface ResolvedFile {
  path: string;
  name: string;
  sizeBytes: number;
  mtimeMs: number;
}

export class FileAccess {
  private readonly chosen = new Set<string>();

  constructor(
    private readonly options: { samplesDir: string; uploadsDir: string; policy: PathPolicy },
  ) {}

  /** Record a path the user picked through the app (dialog, drop, recent list). */
  allow(filePath: string): void {
    this.chosen.add(path.resolve(filePath));
  }

  get uploadsDir(): string {
    return this.options.uploadsDir;
  }

  isAllowed(filePath: string): boolean {
    return this.options.policy === 'any-user-file' || this.chosen.has(path.resolve(filePath));
  }

  async resolve(source: FileSource): Promise<ResolvedFile> {
    switch (source.kind) {
      case 'sample':
        return this.stat(
          path.join(this.options.samplesDir, path.basename(source.name)),
          source.name,
        );
      case 'upload':
        return this.resolveUpload(source.uploadId);
      case 'path':
        return this.resolveUserPath(source.path);
    }
  }

  /** Uploads live in uploadsDir/<uploadId>/<original name>. */
  private async resolveUpload(uploadId: string): Promise<ResolvedFile> {
    const folder = path.join(this.options.uploadsDir, uploadId);
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const name = names[0];
    if (name === undefined)
      throw new StudioFailure('not-found', `Upload ${uploadId} is gone; upload the file again.`);
    return this.stat(path.join(folder, name), name);
  }

  private async resolveUserPath(raw: string): Promise<ResolvedFile> {
    if (raw.includes('\0')) throw new StudioFailure('forbidden', 'The path contains a NUL byte.');
    if (!path.isAbsolute(raw)) {
      throw new StudioFailure('forbidden', `"${raw}" is not an absolute path.`);
    }
    const resolved = path.resolve(raw);
    if (!readableExtensions.has(path.extname(resolved).toLowerCase())) {
      throw new StudioFailure(
        'forbidden',
        `${path.basename(resolved)}: only .csv, .tsv, .txt and .dat files can be opened.`,
      );
    }
    if (this.options.policy === 'chosen-only' && !this.chosen.has(resolved)) {
      throw new StudioFailure('forbidden', `${resolved} was not chosen through the app.`);
    }
    return this.stat(resolved, null);
  }

  private async stat(filePath: string, displayName: string | null): Promise<ResolvedFile> {
    let stat;
    try {
      stat = await fs.stat(filePath);
    } catch {
      throw new StudioFailure(
        'not-found',
        `${displayName ?? filePath} does not exist or cannot be read.`,
      );
    }
    if (!stat.isFile()) throw new StudioFailure('forbidden', `${filePath} is not a regular file.`);
    return {
      path: filePath,
      name: displayName ?? path.basename(filePath),
      sizeBytes: stat.size,
      mtimeMs: stat.mtimeMs,
    };
  }
}
