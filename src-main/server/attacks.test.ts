// Regression tests for the attacks of issue 14 on browser mode, each sent as raw bytes over a real
// socket to a real server process. Each one used to kill the process; now each gets a 4xx (or closes
// its own socket) and the same process goes on serving, with nothing escaping to the process-level
// handlers.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { escapeLogPrefix } from './processPolicy';
import {
  closeCodeOf,
  frame,
  pingFrame,
  rawExchange,
  rawGet,
  rawWebSocket,
  startServerChild,
  textFrame,
  upgradeRequest,
  validCall,
  type ServerChild,
} from './testing/rawHttp';

let server: ServerChild | null = null;
let pidBefore = 0;
let tainted = false;

/** A fresh process if the last test killed the one before, so each attack is judged on its own. */
beforeEach(async () => {
  // A process the last attack killed may not have exited yet: it must also still answer.
  const answering =
    server?.alive() === true &&
    (
      await rawExchange(server.port, rawGet(server.port, '/'), { timeoutMs: 3000 }).catch(
        () => null,
      )
    )?.status === 401;
  if (!answering || tainted) {
    tainted = false;
    await server?.stop();
    server = await startServerChild({ STUDIO_TEST_FAULT_DRILL: '1' });
  }
  pidBefore = srv().pid;
});
afterAll(() => server?.stop());

const srv = (): ServerChild => {
  if (!server) throw new Error('no server');
  return server;
};
const own = (): string => `http://127.0.0.1:${srv().port}`;
const cookieFor = (s: ServerChild): string => `studio_token_${s.port}=${s.token}`;

/** The server process is the same one, answers a real call, and nothing reached the policy. */
async function expectStillServing(): Promise<void> {
  const s = srv();
  const result = await validCall(s);
  expect(result.ok).toBe(true);
  expect(JSON.stringify(result.value)).toContain('Nile.csv');
  expect(s.alive()).toBe(true);
  expect(s.pid).toBe(pidBefore);
  expect(s.stderr()).not.toContain(escapeLogPrefix);
}

describe('HTTP attacks get a 4xx and the server keeps serving', () => {
  it('an unparsable request line (GET http://[ HTTP/1.1)', async () => {
    const s = srv();
    const answer = await rawExchange(
      s.port,
      `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    await expectStillServing();
  });

  it('other non-origin-form targets: absolute URL, authority form, asterisk', async () => {
    const s = srv();
    for (const target of [`http://127.0.0.1:${s.port}/?token=${s.token}`, '127.0.0.1:80', '*']) {
      const answer = await rawExchange(s.port, rawGet(s.port, target));
      expect(answer.status, target).toBe(400);
    }
    await expectStillServing();
  });

  it('a WebSocket upgrade on //[ and on http://[', async () => {
    const s = srv();
    expect((await rawExchange(s.port, upgradeRequest(s.port, '//['))).status).toBe(404);
    expect((await rawExchange(s.port, upgradeRequest(s.port, 'http://['))).status).toBe(400);
    expect(
      (await rawExchange(s.port, upgradeRequest(s.port, `//[/ws?token=${s.token}`))).status,
    ).toBe(404);
    await expectStillServing();
  });

  it('malformed %-escapes with the token (query or cookie): /% and /%E0%A4%A', async () => {
    const s = srv();
    for (const target of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AF']) {
      const viaQuery = await rawExchange(s.port, rawGet(s.port, `${target}?token=${s.token}`));
      expect(viaQuery.status, target).toBe(400);
      const viaCookie = await rawExchange(
        s.port,
        rawGet(s.port, target, { cookie: cookieFor(s), referer: `${own()}/?token=${s.token}` }),
      );
      expect(viaCookie.status, target).toBe(400);
    }
    await expectStillServing();
  });

  it('a reset right after a refused upgrade', async () => {
    const s = srv();
    const net = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = net.connect(s.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('connect', () => {
        socket.write(upgradeRequest(s.port, '/nope'));
        socket.resetAndDestroy();
        setTimeout(resolve, 300);
      });
    });
    await expectStillServing();
  });
});

describe('the token cookie: named after the port, honoured only from our own pages', () => {
  it('sets studio_token_<port>', async () => {
    const s = srv();
    const answer = await rawExchange(s.port, rawGet(s.port, `/?token=${s.token}`));
    expect(answer.status).toBe(200);
    expect(answer.data.toString('latin1')).toMatch(
      new RegExp(
        `\r\nset-cookie: studio_token_${s.port}=${s.token}; HttpOnly; SameSite=Strict; Path=/\r\n`,
        'i',
      ),
    );
    expect(answer.data.toString('latin1')).toMatch(/\r\nreferrer-policy: same-origin\r\n/i);
  });

  it('another page on 127.0.0.1 (another port) cannot use the cookie, not even with a bad %-escape', async () => {
    const s = srv();
    // What an <img src="http://127.0.0.1:PORT/%"> on http://127.0.0.1:OTHER sends: the cookie
    // (any name the studio ever used), the other page as Referer, no Origin.
    const cookie = `studio_token=${s.token}; ${cookieFor(s)}`;
    const other = `http://127.0.0.1:${s.port + 1}/attack.html`;
    for (const target of ['/%', '/', '/index.html']) {
      const answer = await rawExchange(s.port, rawGet(s.port, target, { cookie, referer: other }));
      expect(answer.status, target).toBe(403);
    }
    // With referrerpolicy="no-referrer" there is neither Referer nor Origin: refused too.
    expect((await rawExchange(s.port, rawGet(s.port, '/', { cookie }))).status).toBe(403);
    // A foreign Origin on a fetch/POST is refused as before.
    const post = await rawExchange(
      s.port,
      `POST /api/upload?name=x.csv HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nCookie: ${cookie}\r\n` +
        `Origin: http://127.0.0.1:${s.port + 1}\r\nContent-Length: 4\r\nConnection: close\r\n\r\na,b\n`,
    );
    expect(post.status).toBe(403);
    await expectStillServing();
  });

  it('accepts the port cookie from our own pages, and only the port cookie', async () => {
    const s = srv();
    const referer = `${own()}/?token=${s.token}`;
    expect(
      (await rawExchange(s.port, rawGet(s.port, '/', { cookie: cookieFor(s), referer }))).status,
    ).toBe(200);
    expect(
      (await rawExchange(s.port, rawGet(s.port, '/', { cookie: cookieFor(s), origin: own() })))
        .status,
    ).toBe(200);
    // The old, port-less name, or another port's cookie, is no token at all.
    expect(
      (
        await rawExchange(
          s.port,
          rawGet(s.port, '/', { cookie: `studio_token=${s.token}`, referer }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await rawExchange(
          s.port,
          rawGet(s.port, '/', { cookie: `studio_token_${s.port + 1}=${s.token}`, referer }),
        )
      ).status,
    ).toBe(401);
  });
});

describe('malformed WebSocket frames close that socket only', () => {
  const cases: { name: string; bytes: () => Buffer; code: number }[] = [
    {
      name: 'over the size limit (a 17 MB frame)',
      bytes: () => frame({ opcode: 0x1, payload: Buffer.alloc(17 * 1024 * 1024, 0x20) }),
      code: 1009,
    },
    {
      name: 'over the size limit (only the header claims 17 MB)',
      bytes: () =>
        frame({ opcode: 0x1, declaredLength: 17 * 1024 * 1024, payload: Buffer.from('{') }),
      code: 1009,
    },
    {
      name: 'invalid UTF-8 in a text frame',
      bytes: () => frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]) }),
      code: 1007,
    },
    {
      name: 'a reserved opcode (0x3)',
      bytes: () => frame({ opcode: 0x3, payload: Buffer.from('x') }),
      code: 1002,
    },
    { name: 'a reserved control opcode (0xB)', bytes: () => frame({ opcode: 0xb }), code: 1002 },
    {
      name: 'RSV1 set without a negotiated extension',
      bytes: () => frame({ opcode: 0x1, rsv: 4, payload: Buffer.from('{}') }),
      code: 1002,
    },
    {
      name: 'an unmasked client frame',
      bytes: () => frame({ opcode: 0x1, masked: false, payload: Buffer.from('{}') }),
      code: 1002,
    },
    {
      name: 'a continuation with nothing to continue',
      bytes: () => frame({ opcode: 0x0, payload: Buffer.from('x') }),
      code: 1002,
    },
    {
      name: 'a fragmented control frame',
      bytes: () => frame({ opcode: 0x9, fin: false, payload: Buffer.from('x') }),
      code: 1002,
    },
  ];
  for (const { name, bytes, code } of cases) {
    it(name, async () => {
      const s = srv();
      const ws = await rawWebSocket(s.port, s.token);
      const bystander = await rawWebSocket(s.port, s.token);
      ws.socket.write(bytes());
      expect(await ws.closed(10_000)).toBe(true);
      expect(closeCodeOf(ws.received())).toBe(code);
      // Another page's socket is untouched: it still answers a ping and a call.
      bystander.socket.write(pingFrame());
      bystander.socket.write(
        textFrame(JSON.stringify({ type: 'call', id: 7, channel: 'runs:list', payload: {} })),
      );
      expect(await bystander.moreThan(20, 5000)).toBe(true);
      expect(bystander.isClosed()).toBe(false);
      bystander.socket.destroy();
      await expectStillServing();
    });
  }
});

describe('the process-level policy', () => {
  it('logs an escaped exception and an unhandled rejection, and keeps serving', async () => {
    const s = srv();
    s.child.kill('SIGUSR2');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && s.stderr().split(escapeLogPrefix).length < 3)
      await new Promise((r) => setTimeout(r, 50));
    expect(s.stderr()).toContain(
      `${escapeLogPrefix} (uncaught exception; still serving): Error: fault drill: thrown from a callback`,
    );
    expect(s.stderr()).toContain(
      `${escapeLogPrefix} (unhandled rejection; still serving): Error: fault drill: rejected, never awaited`,
    );
    const result = await validCall(s);
    expect(result.ok).toBe(true);
    expect(s.alive()).toBe(true);
    expect(s.pid).toBe(pidBefore);
    // This process's log now holds escapes on purpose: later tests get a fresh one.
    tainted = true;
  });
});
