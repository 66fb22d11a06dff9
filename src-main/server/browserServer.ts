// Browser mode: the same renderer and the same contract, over HTTP + WebSocket on 127.0.0.1.
//
// Every request is untrusted bytes from whatever page or program reaches the port, so each entry
// point (the request handler, the upgrade handler, each WebSocket) is guarded on its own: a bad
// request gets a 4xx, a bad frame closes that one socket, and nothing escapes to the process.
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventName } from '../shared/channelNames';
import type { StudioHost } from '../host/studioHost';
import { newUploadSlot } from '../host/uploads';
import { checkRequest, parseRequestTarget, tokenCookie, type GuardInput } from './requestGuard';
import { resolveStatic, staticHeaders } from '../host/staticFiles';
import { parseClientMessage, type ServerMessage } from './wsProtocol';

/** Largest WebSocket message (ws closes the socket with 1009 past it). Uploads go over HTTP. */
export const maxMessageBytes = 16 * 1024 * 1024;

export interface BrowserServerOptions {
  rendererDir: string;
  uploadsDir: string;
  token: string;
  port?: number;
  maxUploadBytes?: number;
  /** Told about failures of the server's own code (not about bad client input, which is refused). */
  onError?: (where: string, error: unknown) => void;
}

export interface BrowserServer {
  url: string;
  port: number;
  /** Wire the studio host once the server knows its port (events go to every open page). */
  attach(host: StudioHost): void;
  broadcast(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

function guardInput(req: http.IncomingMessage, url: URL, websocket: boolean): GuardInput {
  return {
    remoteAddress: req.socket.remoteAddress,
    host: req.headers.host,
    origin: req.headers.origin,
    referer: req.headers.referer,
    url,
    cookie: req.headers.cookie,
    websocket,
  };
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
};

/** Answers an upgrade request we will not upgrade, then lets the socket go. */
function refuseSocket(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `Refused: ${reason}`;
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Refused'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A client that never closes its side must not keep the socket.
  setTimeout(() => socket.destroy(), 2000).unref();
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  let host: StudioHost | null = null;
  let port = 0;
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const reportError = (where: string, error: unknown): void => {
    try {
      options.onError?.(where, error);
    } catch {
      // A failing logger must not become the next escape.
    }
  };

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      reportError(`${req.method} request`, error);
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = parseRequestTarget(req.url);
    if (!url) {
      plain(res, 400, 'Refused: malformed request target');
      return;
    }
    const refusal = checkRequest(guardInput(req, url, false), port, options.token);
    if (refusal) {
      plain(res, refusal.status, `Refused: ${refusal.reason}`);
      return;
    }
    if (url.searchParams.has('token')) {
      // Later requests for scripts and styles carry no query string; the cookie covers them.
      res.setHeader('set-cookie', tokenCookie(port, options.token));
    }
    if (req.method === 'POST' && url.pathname === '/api/upload') {
      await handleUpload(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const found = await resolveStatic(options.rendererDir, url.pathname);
    if (found.status !== 200) {
      plain(res, found.status, found.status === 400 ? 'Bad request path' : 'Not found');
      return;
    }
    res.writeHead(200, staticHeaders(found.file));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline, not pipe: a read error (file gone since the stat) must end this response only.
    await pipeline(createReadStream(found.file), res).catch(() => res.destroy());
  }

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
      plain(res, 413, `Upload failed: ${String(error)}`);
    }
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node has taken its own listeners off an upgraded socket: without this one, a reset after a
    // refusal is an uncaught 'error'.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head);
    } catch (error) {
      reportError('upgrade', error);
      refuseSocket(socket, 500, 'internal error');
    }
  });

  function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseRequestTarget(req.url);
    if (!url) return refuseSocket(socket, 400, 'malformed request target');
    const refusal =
      url.pathname === '/ws'
        ? checkRequest(guardInput(req, url, true), port, options.token)
        : { status: 404, reason: 'no such endpoint' };
    if (refusal) return refuseSocket(socket, refusal.status, refusal.reason);
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      // A malformed frame (too big, bad UTF-8, reserved opcode or RSV bit, unmasked) makes ws
      // close this socket with the matching code and emit 'error' here; nothing else is affected.
      ws.on('error', () => undefined);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data: RawData) => {
        onMessage(ws, data).catch((error: unknown) => {
          reportError('message', error);
          send(ws, { type: 'error', message: 'The server could not handle that message.' });
        });
      });
    });
  }

  async function onMessage(ws: WebSocket, data: RawData): Promise<void> {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(new Uint8Array(data));
    const text = bytes.toString('utf8');
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
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(JSON.stringify(message));
    } catch (error) {
      reportError('send', error);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (say, EMFILE on accept) is reported, not thrown.
  server.on('error', (error) => reportError('server', error));
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
