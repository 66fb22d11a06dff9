import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sourcePaths } from '../host/testing/sourceEngine';
import { startStudioServer, type StudioServer } from './studioServer';

let server: StudioServer;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startStudioServer({ ...sourcePaths(), rendererDir });
});
afterAll(() => server.close());

function get(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: server.port, path: pathname, headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
  });
}

function connect(query: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, {
      headers: { origin: origin ?? `http://127.0.0.1:${server.port}` },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
  });
}

function call(
  ws: WebSocket,
  id: number,
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; error?: { code: string }; value?: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(data.toString()) as { type: string; id?: number; result?: never };
      if (frame.type === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
  });
}

function upload(name: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        headers: {
          cookie: `studio_token_${server.port}=${server.token}`,
          origin: `http://127.0.0.1:${server.port}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode server', () => {
  it('binds to 127.0.0.1 and prints a tokenised URL', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{64}$`),
    );
  });

  it('serves the app only with the token, and sets the cookie for later requests', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get(`/?token=${'0'.repeat(64)}`)).status).toBe(401);
    const ok = await get(`/?token=${server.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['set-cookie']).toEqual([
      `studio_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    const cookie = `studio_token_${server.port}=${server.token}`;
    const referer = `http://127.0.0.1:${server.port}/?token=${server.token}`;
    expect((await get('/', { cookie, referer })).status).toBe(200);
    // The cookie alone (what another page's <img> sends) is not enough.
    expect((await get('/', { cookie })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and lists no directories', async () => {
    const rebinding = await get(`/?token=${server.token}`, {
      host: `attacker.example:${server.port}`,
    });
    expect(rebinding.status).toBe(421);
    expect((await get(`/../../etc/passwd?token=${server.token}`)).status).toBe(404);
    expect((await get(`/assets/?token=${server.token}`)).status).toBe(404);
  });

  it('refuses WebSocket connections without the token or from another origin', async () => {
    await expect(connect('')).rejects.toThrow(/401/);
    await expect(connect(`?token=${server.token}`, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers contract calls, with typed errors for bad payloads and unknown channels', async () => {
    const ws = await connect(`?token=${server.token}`);
    const samples = await call(ws, 1, 'datasets:samples', {});
    expect(samples.ok).toBe(true);
    expect(JSON.stringify(samples.value)).toContain('AirPassengers.csv');
    const bad = await call(ws, 2, 'datasets:open', {
      source: { kind: 'sample', name: '../../etc/passwd' },
    });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('invalid-request');
    const unknown = await call(ws, 3, 'shell:exec', { cmd: 'rm -rf /' });
    expect(unknown.error?.code).toBe('unknown-channel');
    const nile = readFileSync(path.join(sourcePaths().resourcesDir, 'datasets', 'Nile.csv'));
    const uploaded = await upload('../../My Nile.csv', nile);
    expect(uploaded.status).toBe(200);
    const { uploadId, name, sizeBytes } = JSON.parse(uploaded.body) as {
      uploadId: string;
      name: string;
      sizeBytes: number;
    };
    expect(name).toBe('My Nile.csv');
    expect(sizeBytes).toBe(nile.length);
    const opened = await call(ws, 5, 'datasets:open', {
      jobId: 'job_upload_1',
      source: { kind: 'upload', uploadId },
    });
    expect(opened.ok).toBe(true);
    expect((opened.value as { rows: number; name: string }).rows).toBe(100);
    expect((opened.value as { rows: number; name: string }).name).toBe('My Nile.csv');
    const relative = await call(ws, 4, 'datasets:sniff', {
      source: { kind: 'path', path: 'etc/passwd' },
    });
    expect(relative.error?.code).toBe('forbidden');
    ws.close();
  });
});
