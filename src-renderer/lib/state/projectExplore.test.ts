import { describe, expect, it } from 'vitest';
import { exploreForProject, transformsFromProject } from './projectExplore';

describe('project explore state', () => {
  const keyed = {
    'ds_a\u0000Passengers': [{ kind: 'log' as const }, { kind: 'diff' as const }],
    'ds_a\u0000Empty': [],
    'ds_gone\u0000x': [{ kind: 'diff' as const }],
  };

  it('groups transforms by dataset, dropping empty chains and closed datasets', () => {
    expect(exploreForProject(keyed, ['ds_a', 'ds_b'], { ds_a: ['Passengers'] })).toEqual({
      ds_a: {
        selectedColumns: ['Passengers'],
        transforms: { Passengers: [{ kind: 'log' }, { kind: 'diff' }] },
      },
      ds_b: { selectedColumns: [], transforms: {} },
    });
  });

  it('round-trips under a new dataset id', () => {
    const saved = exploreForProject(keyed, ['ds_a'], {});
    expect(transformsFromProject(saved, { ds_a: 'ds_new' })).toEqual({
      'ds_new\u0000Passengers': [{ kind: 'log' }, { kind: 'diff' }],
    });
  });
});
