import { afterAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../shared/schemas/app';
import { sourceEngine } from './testing/sourceEngine';

const statuses: EngineStatus[] = [];
const engine = sourceEngine({ cancelGraceMs: 800, onStatus: (s) => statuses.push(s) });
afterAll(() => engine.dispose());

async function pid(): Promise<number> {
  const result = await engine.call('debug:pid', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { pid: number }).pid;
}

describe('EngineClient against a real engine process', () => {
  it('starts the engine in its own process and answers calls', async () => {
    expect(await pid()).not.toBe(process.pid);
  });

  it('returns a typed validation error for bad parameters and unknown methods', async () => {
    const bad = await engine.call('debug:busy', { ms: 'soon' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-request');
      expect(bad.error.message).toContain('ms');
    }
    const unknown = await engine.call('no:such', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown-channel');
  });

  it('streams progress and cancels a cooperative job politely (same engine keeps running)', async () => {
    const before = await pid();
    const controller = new AbortController();
    const seen: number[] = [];
    const call = engine.call(
      'debug:busy',
      { ms: 10_000 },
      {
        signal: controller.signal,
        onProgress: (p) => seen.push(p.fraction ?? 0),
      },
    );
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const result = await call;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(seen.length).toBeGreaterThan(0);
    expect(await pid()).toBe(before);
  });

  it('hard-kills a job that ignores cancel, after the grace period, and recovers', async () => {
    const before = await pid();
    const controller = new AbortController();
    const call = engine.call(
      'debug:busy',
      { ms: 20_000, ignoreCancel: true },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    const result = await call;
    expect(!result.ok && result.error.code).toBe('cancelled');
    const after = await pid();
    expect(after).not.toBe(before);
  });

  it('reports a crashed engine to the caller and serves the next call from a new engine', async () => {
    const before = await pid();
    const call = engine.call('debug:busy', { ms: 10_000 });
    setTimeout(() => process.kill(before, 'SIGKILL'), 200);
    const result = await call;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('engine-crashed');
      expect(result.error.message).toMatch(/SIGKILL/);
    }
    expect(statuses.some((s) => s.state === 'crashed')).toBe(true);
    const after = await pid();
    expect(after).not.toBe(before);
  });
});
