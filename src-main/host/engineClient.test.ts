import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../shared/schemas/app';
import type { EngineProgress } from '../shared/schemas/progress';
import { parseEngineMessage, type EngineToHost } from '../shared/engineProtocol';
import { forkLauncher } from './forkLauncher';
import { sourceEngine, sourcePaths } from './testing/sourceEngine';

const statuses: EngineStatus[] = [];
const engine = sourceEngine({ cancelGraceMs: 800, onStatus: (s) => statuses.push(s) });
afterAll(() => engine.dispose());

async function pid(): Promise<number> {
  const result = await engine.call('debug:pid', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value.pid;
}

describe('EngineClient against a real engine process', () => {
  it('starts the engine in its own process and answers calls', async () => {
    expect(await pid()).not.toBe(process.pid);
  });

  it('returns a typed validation error for bad parameters', async () => {
    // @ts-expect-error — the engine map types the params: ms is a number.
    const bad = await engine.call('debug:busy', { ms: 'soon' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-request');
      expect(bad.error.message).toContain('ms');
    }
  });

  it('refuses an answer that breaks the map’s result schema, and the engine keeps serving', async () => {
    const before = await pid();
    const broken = await engine.call('debug:echo', { value: 'not a number' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error.code).toBe('internal');
      expect(broken.error.message).toBe(
        "The engine's answer to debug:echo broke the engine map (value: Invalid input: expected number, received string).",
      );
    }
    const fine = await engine.call('debug:echo', { value: 42 });
    expect(fine).toEqual({ ok: true, value: { value: 42 } });
    expect(await pid()).toBe(before);
  });

  it('streams progress and cancels a cooperative job politely (same engine keeps running)', async () => {
    const before = await pid();
    const controller = new AbortController();
    const seen: EngineProgress[] = [];
    const call = engine.call(
      'debug:busy',
      { ms: 10_000 },
      { signal: controller.signal, onProgress: (p) => seen.push(p) },
    );
    setTimeout(() => controller.abort(), 300);
    const result = await call;
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((p) => `${p.phase}:${p.message}`))).toEqual(new Set(['busy:working']));
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

  it('reports a crashed engine to the caller of a job (never retried) and serves the next call from a new engine', async () => {
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

  it('fails a call that is not a job with `timeout` past its limit, and leaves the engine running', async () => {
    const before = await pid();
    const result = await engine.call('debug:sleep', { ms: 5000 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'timeout',
        message:
          'The engine did not answer debug:sleep within 1 s. It may be busy with a long import or job; try again, or cancel the running job.',
        details: { method: 'debug:sleep', timeoutMs: 1000 },
      },
    });
    expect(await pid()).toBe(before);
    // Within its limit the same method answers.
    const quick = await engine.call('debug:sleep', { ms: 0 });
    expect(quick.ok).toBe(true);
  });

  it('retries an idempotent call made right after an idle engine crashed, once, on the fresh engine', async () => {
    for (let round = 0; round < 3; round++) {
      const before = await pid();
      process.kill(before, 'SIGKILL');
      // Sent at once, before the host has seen the exit: the dead engine never answers it.
      const result = await engine.call('debug:pid', {});
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value.pid).not.toBe(before);
        expect(result.value.pid).not.toBe(process.pid);
      }
    }
  });

  it('does not retry a call that is not idempotent: it fails with engine-crashed', async () => {
    const before = await pid();
    process.kill(before, 'SIGKILL');
    const result = await engine.call('debug:sleep', { ms: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('engine-crashed');
      expect(result.error.details).toEqual({ method: 'debug:sleep' });
    }
    expect(await pid()).not.toBe(before);
  });
});

describe('the engine process answers a method that is not in the map', () => {
  it('with unknown-channel, over the raw protocol', async () => {
    const paths = sourcePaths();
    const child = forkLauncher({
      entry: paths.engineEntry,
      execArgv: paths.engineExecArgv,
      kernelsDir: paths.kernelsDir,
    })();
    try {
      const id = randomUUID();
      const answer = await new Promise<EngineToHost>((resolve) => {
        child.onMessage((raw) => {
          const message = parseEngineMessage(raw);
          if (message?.type === 'ready')
            child.send({ type: 'call', id, method: 'no:such', params: {} });
          if (message?.type === 'result') resolve(message);
        });
      });
      expect(answer).toEqual({
        type: 'result',
        id,
        ok: false,
        error: { code: 'unknown-channel', message: 'Unknown engine method "no:such".' },
      });
    } finally {
      child.kill();
    }
  });
});
