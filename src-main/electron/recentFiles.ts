// The File ▸ Open Recent list, kept in userData/recent.json (newest first, at most 10).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RecentFile {
  path: string;
  kind: 'csv' | 'project';
}

export class RecentFiles {
  private items: RecentFile[];

  constructor(private readonly file: string) {
    this.items = RecentFiles.load(file);
  }

  private static load(file: string): RecentFile[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (x): x is RecentFile =>
          typeof x === 'object' &&
          x !== null &&
          typeof (x as RecentFile).path === 'string' &&
          ((x as RecentFile).kind === 'csv' || (x as RecentFile).kind === 'project'),
      );
    } catch {
      return [];
    }
  }

  list(): readonly RecentFile[] {
    return this.items;
  }

  add(item: RecentFile): void {
    this.items = [
      item,
      ...this.items.filter((x) => path.resolve(x.path) !== path.resolve(item.path)),
    ].slice(0, 10);
    try {
      writeFileSync(this.file, JSON.stringify(this.items, null, 2));
    } catch {
      // the list is a convenience; failing to store it must not disturb the user
    }
  }
}
