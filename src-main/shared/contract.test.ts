import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from './channelNames';
import { contract, events, isChannel } from './contract';

describe('contract', () => {
  it('covers exactly the channel and event names the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });

  it('recognises channels without trusting the prototype chain', () => {
    expect(isChannel('app:info')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it('gives every job channel a jobId in its request', () => {
    for (const [name, spec] of Object.entries(contract)) {
      if (!('job' in spec)) continue;
      const parsed = spec.request.safeParse({});
      expect(parsed.success, name).toBe(false);
      if (!parsed.success)
        expect(
          parsed.error.issues.some((i) => i.path[0] === 'jobId'),
          name,
        ).toBe(true);
    }
  });
});
