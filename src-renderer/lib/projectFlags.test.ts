import { describe, expect, it } from 'vitest';
import { baseName, projectFlagLines } from './projectFlags';

const moved = (path: string) => ({ status: 'moved' as const, path, embedded: true });

describe('projectFlagLines', () => {
  it('says nine moved uploads in one line of base names, no folders', () => {
    const checks = Array.from({ length: 9 }, (_, i) =>
      moved(`/tmp/series-studio-session-abc/uploads/u${i}/data${i}.csv`),
    );
    expect(projectFlagLines(checks)).toEqual([
      {
        kind: 'moved',
        text: '9 files are no longer where they were saved from (data0.csv, data1.csv and 7 more); the copies kept in the project were used.',
      },
    ]);
  });

  it('one line per kind, singular wording for one file', () => {
    expect(
      projectFlagLines([
        moved('C:\\Users\\me\\a.csv'),
        { status: 'moved', path: '/old/b.csv', embedded: false },
        { status: 'changed', path: '/data/c.csv', embedded: false },
        { status: 'ok', path: '/data/d.csv', embedded: false },
      ]),
    ).toEqual([
      {
        kind: 'moved',
        text: 'a.csv is no longer where it was saved from; the copy kept in the project was used.',
      },
      { kind: 'relocated', text: 'Opened from the new location you gave: b.csv.' },
      {
        kind: 'changed',
        text: 'c.csv has changed since the project was saved; its runs were trained on the earlier contents.',
      },
    ]);
    expect(projectFlagLines([])).toEqual([]);
  });

  it('base names from either separator', () => {
    expect(baseName('/a/b/c.csv')).toBe('c.csv');
    expect(baseName('C:\\a\\c.csv')).toBe('c.csv');
    expect(baseName('c.csv')).toBe('c.csv');
  });
});
