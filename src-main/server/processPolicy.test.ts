import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { escapeLogPrefix, installProcessPolicy, type ProcessLike } from './processPolicy';

function harness(maxUncaughtPerMinute = 3) {
  const target = new EventEmitter();
  const lines: string[] = [];
  const shutdowns: number[] = [];
  let clock = 1_000_000;
  const uninstall = installProcessPolicy(target as unknown as ProcessLike, {
    log: (line) => lines.push(line),
    shutdown: (code) => shutdowns.push(code),
    maxUncaughtPerMinute,
    now: () => clock,
  });
  return {
    target,
    lines,
    shutdowns,
    uninstall,
    advance: (ms: number) => (clock += ms),
  };
}

describe('the server process policy for escaped errors', () => {
  it('logs an unhandled rejection and keeps serving, however many come', () => {
    const h = harness();
    for (let i = 0; i < 20; i++) h.target.emit('unhandledRejection', new Error(`lost ${i}`));
    h.target.emit('unhandledRejection', 'a string reason');
    expect(h.shutdowns).toEqual([]);
    expect(h.lines).toHaveLength(21);
    expect(h.lines[0]).toMatch(
      new RegExp(
        `^\\${escapeLogPrefix} \\(unhandled rejection; still serving\\): Error: lost 0\\n`,
      ),
    );
    expect(h.lines[20]).toBe(
      `${escapeLogPrefix} (unhandled rejection; still serving): non-error value "a string reason"`,
    );
  });

  it('keeps serving after occasional uncaught exceptions', () => {
    const h = harness(3);
    for (let i = 0; i < 10; i++) {
      h.target.emit('uncaughtException', new TypeError(`bug ${i}`));
      h.advance(30_000); // two a minute: under the limit of three
    }
    expect(h.shutdowns).toEqual([]);
    expect(
      h.lines.every((l) =>
        l.startsWith(`${escapeLogPrefix} (uncaught exception; still serving): TypeError: bug`),
      ),
    ).toBe(true);
  });

  it('shuts down once (code 70) when uncaught exceptions come in a burst', () => {
    const h = harness(3);
    for (let i = 0; i < 6; i++) h.target.emit('uncaughtException', new Error(`burst ${i}`));
    expect(h.shutdowns).toEqual([70]);
    expect(h.lines.slice(0, 3).every((l) => l.includes('still serving'))).toBe(true);
    expect(h.lines[3]).toMatch(
      /\(uncaught exception, 4 within a minute; shutting down\): Error: burst 3/,
    );
  });

  it('removes its handlers again', () => {
    const h = harness();
    h.uninstall();
    expect(h.target.listenerCount('uncaughtException')).toBe(0);
    expect(h.target.listenerCount('unhandledRejection')).toBe(0);
  });
});
