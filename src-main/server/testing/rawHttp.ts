// Test helpers that talk to the browser-mode server below any HTTP or WebSocket client library:
// raw bytes over a net socket, so a test can send exactly what an attacker would (a broken request
// line, a bad %-escape, a malformed WebSocket frame) and see what comes back.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { repoRoot } from '../../engine/testing/sharedData';

export interface Exchange {
  /** Everything the server sent before it closed (or before the wait ran out). */
  data: Buffer;
  /** The status code of the first HTTP response line, if one came. */
  status: number | null;
  /** The server closed the connection (FIN or reset). */
  closed: boolean;
}

export function statusOf(data: Buffer): number | null {
  const match = /^HTTP\/1\.[01] (\d{3}) /.exec(data.subarray(0, 64).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/**
 * Sends `bytes` and collects the answer until the server closes or `timeoutMs` passes. With
 * `halfCloseAfterMs`, a server still waiting for more (an unfinished body or header block) is sent
 * our FIN after that long, which must make it answer or close. (Half-closing at once would abort any
 * request whose answer is asynchronous: Node drops in-flight requests on a client FIN.)
 */
export function rawExchange(
  port: number,
  bytes: Buffer | string,
  options: { timeoutMs?: number; halfCloseAfterMs?: number; untilAnswered?: boolean } = {},
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    let halfClose: NodeJS.Timeout | undefined;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(halfClose);
      socket.destroy();
      const data = Buffer.concat(chunks);
      resolve({ data, status: statusOf(data), closed });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 5000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // untilAnswered: a status line and a complete header block is an answer; keep-alive
      // connections need not be waited out.
      if (options.untilAnswered) {
        const data = Buffer.concat(chunks);
        if (statusOf(data) !== null && data.includes('\r\n\r\n')) finish(false);
      }
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the server refused is a close; failing to connect at all is not.
      if (error.code === 'ECONNREFUSED') {
        done = true;
        clearTimeout(timer);
        clearTimeout(halfClose);
        reject(error);
      } else finish(true);
    });
    socket.on('connect', () => {
      // The server may close before we finish writing (a refusal); that is its answer.
      socket.write(bytes, () => undefined);
      if (options.halfCloseAfterMs !== undefined)
        halfClose = setTimeout(() => socket.end(), options.halfCloseAfterMs);
    });
  });
}

/** A GET in origin form with the headers a browser would send to this server. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): string {
  const all = { host: `127.0.0.1:${port}`, connection: 'close', ...headers };
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

export function upgradeRequest(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): string {
  return rawGet(port, target, {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
    origin: `http://127.0.0.1:${port}`,
    ...headers,
  });
}

export interface FrameSpec {
  fin?: boolean;
  rsv?: number; // 0–7: RSV1 = 4, RSV2 = 2, RSV3 = 1
  opcode: number;
  masked?: boolean;
  payload?: Buffer;
  /** Claim this payload length in the header instead of the real one. */
  declaredLength?: number;
}

/** One WebSocket frame as RFC 6455 lays it out (clients must mask; `masked: false` breaks that). */
export function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.declaredLength ?? payload.length;
  const masked = spec.masked ?? true;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (spec.opcode & 0x0f);
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (key[i % 4] ?? 0);
  return Buffer.concat([header, key, body]);
}

export const textFrame = (text: string): Buffer =>
  frame({ opcode: 0x1, payload: Buffer.from(text, 'utf8') });
export const pingFrame = (): Buffer => frame({ opcode: 0x9, payload: Buffer.from('probe') });

export interface RawWebSocket {
  socket: net.Socket;
  /** Bytes received after the 101 answer. */
  received(): Buffer;
  /** Resolves true once the server has closed the connection, false after `timeoutMs`. */
  closed(timeoutMs: number): Promise<boolean>;
  /** Resolves once more bytes than `count` have arrived, or after `timeoutMs`. */
  moreThan(count: number, timeoutMs: number): Promise<boolean>;
  isClosed(): boolean;
}

/** Completes the WebSocket handshake by hand, so the test can then write any bytes it likes. */
export function rawWebSocket(port: number, token: string): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let isClosed = false;
    const waiters = new Set<() => void>();
    const wake = (): void => {
      for (const w of [...waiters]) w();
    };
    socket.on('error', () => undefined);
    socket.on('close', () => {
      isClosed = true;
      if (!upgraded) reject(new Error(`closed before the upgrade: ${buffer.toString('latin1')}`));
      wake();
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        if (statusOf(buffer) !== 101) {
          reject(new Error(`upgrade refused: ${head}`));
          socket.destroy();
          return;
        }
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve(api);
      }
      wake();
    });
    socket.on('connect', () => socket.write(upgradeRequest(port, `/ws?token=${token}`)));
    const waitFor = (test: () => boolean, timeoutMs: number): Promise<boolean> =>
      new Promise((done) => {
        if (test()) return done(true);
        const check = (): void => {
          if (!test()) return;
          waiters.delete(check);
          clearTimeout(timer);
          done(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          done(test());
        }, timeoutMs);
        waiters.add(check);
      });
    const api: RawWebSocket = {
      socket,
      received: () => buffer,
      closed: (timeoutMs) => waitFor(() => isClosed, timeoutMs),
      moreThan: (count, timeoutMs) => waitFor(() => buffer.length > count || isClosed, timeoutMs),
      isClosed: () => isClosed,
    };
  });
}

/** The close code in the first close frame the server sent (server frames are unmasked). */
export function closeCodeOf(data: Buffer): number | null {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] ?? 0) & 0x0f;
    let length = (data[at + 1] ?? 0) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}

export interface ServerChild {
  port: number;
  token: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server process wrote to stderr so far. */
  stderr(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts src-main/server/testing/serverChild.ts under tsx and waits for it to listen. stop() ends it
 * (SIGTERM, then SIGKILL after 15 s) and removes its folders, however it ended.
 */
export function startServerChild(env: NodeJS.ProcessEnv = {}): Promise<ServerChild> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'data-'));
  const ownRenderer = env.STUDIO_TEST_RENDERER_DIR === undefined;
  const rendererDir =
    env.STUDIO_TEST_RENDERER_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'src-main/server/testing/serverChild.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        STUDIO_TEST_DATA_DIR: dataDir,
        ...env,
        STUDIO_TEST_RENDERER_DIR: rendererDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server child did not start: ${stderr}`)),
      60_000,
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server child exited (${code ?? signal}) before listening: ${stderr}`));
    });
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const ready = JSON.parse(line) as {
        port: number;
        token: string;
        pid: number;
        sessionDir: string;
      };
      const cleanUp = (): void => {
        for (const dir of [dataDir, ready.sessionDir, ...(ownRenderer ? [rendererDir] : [])])
          rmSync(dir, { recursive: true, force: true });
      };
      resolve({
        port: ready.port,
        token: ready.token,
        pid: ready.pid,
        child,
        stderr: () => stderr,
        alive: () => child.exitCode === null && child.signalCode === null,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              cleanUp();
              return done();
            }
            // A server stopped right after starting waits for its engine to be ready first.
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              cleanUp();
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * One contract call (datasets:samples) over a normal WebSocket client, its Result: proves the
 * server still does its job. Fails after 10 s without an answer.
 */
export function validCall(s: Pick<ServerChild, 'port' | 'token'>): Promise<{
  ok: boolean;
  value?: unknown;
}> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no answer to a valid call within 10 s')), 10_000);
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`, {
      origin: `http://127.0.0.1:${s.port}`,
    });
    ws.on('error', reject);
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'datasets:samples', payload: {} })),
    );
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        result?: { ok: boolean; value?: unknown };
      };
      if (message.type !== 'result' || !message.result) return;
      ws.close();
      resolve(message.result);
    });
  });
}
