// Browser mode: the same renderer and the same contract, over HTTP + WebSocket on 127.0.0.1.
import { createWriteStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../shared/channelNames';
import type { StudioHost } from '../host/studioHost';
import { newUploadSlot } from '../host/uploads';
import { checkRequest, type GuardInput } from './requestGuard';
import { serveStatic } from './staticFiles';
import { parseClientMessage, type ServerMessage } from './wsProtocol';

export interface BrowserServerOptions {
  rendererDir: string;
  uploadsDir: string;
  token: string;
  port?: number;
  maxUploadBytes?: number;
}

export interface BrowserServer {
  url: string;
  port: number;
  /** Wire the studio host once the server knows its port (events go to every open page). */
  attach(host: StudioHost): void;
  broadcast(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

function guardInput(req: http.IncomingMessage, websocket: boolean): GuardInput {
  return {
    remoteAddress: req.socket.remoteAddress,
    host: req.headers.host,
    origin: req.headers.origin,
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    cookie: req.headers.cookie,
    websocket,
  };
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  let host: StudioHost | null = null;
  let port = 0;
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  const server = http.createServer((req, res) => {
    const input = guardInput(req, false);
    const refusal = checkRequest(input, port, options.token);
    if (refusal) {
      res
        .writeHead(refusal.status, { 'content-type': 'text/plain' })
        .end(`Refused: ${refusal.reason}`);
      return;
    }
    if (input.url.searchParams.has('token')) {
      // Later requests for scripts and styles carry no query string; the cookie covers them.
      res.setHeader(
        'set-cookie',
        `studio_token=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    if (req.method === 'POST' && input.url.pathname === '/api/upload') {
      void handleUpload(req, res, input.url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveStatic(options.rendererDir, input.url.pathname, res);
  });

  async function handleUpload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    const limit = options.maxUploadBytes ?? 2 * 1024 ** 3;
    let received = 0;
    const slot = await newUploadSlot(
      options.uploadsDir,
      url.searchParams.get('name') ?? 'upload.csv',
    );
    const { uploadId, name, folder } = slot;
    try {
      // Count bytes only now: a 'data' listener starts the flow, and nothing may be read before
      // the pipeline to the file exists.
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) req.destroy(new Error('upload too large'));
      });
      await pipeline(req, createWriteStream(slot.file, { mode: 0o600 }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ uploadId, name, sizeBytes: received }));
    } catch (error) {
      await fs.rm(folder, { recursive: true, force: true });
      res.writeHead(413, { 'content-type': 'text/plain' }).end(`Upload failed: ${String(error)}`);
    }
  }

  server.on('upgrade', (req, socket, head) => {
    const input = guardInput(req, true);
    const refusal =
      input.url.pathname === '/ws'
        ? checkRequest(input, port, options.token)
        : { status: 404, reason: 'no such endpoint' };
    if (refusal) {
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\nConnection: close\r\n\r\n${refusal.reason}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void onMessage(ws, data.toString()));
    });
  });

  async function onMessage(ws: WebSocket, text: string): Promise<void> {
    const message = parseClientMessage(text);
    if (!message) {
      send(ws, {
        type: 'error',
        message: 'Malformed message: expected {type:"call", id, channel, payload}.',
      });
      return;
    }
    if (!host) return;
    const result = await host.handle(message.channel, message.payload);
    send(ws, { type: 'result', id: message.id, result });
  }

  function send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    port,
    attach(studioHost) {
      host = studioHost;
    },
    broadcast(event, payload) {
      for (const ws of sockets) send(ws, { type: 'event', event, payload });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
