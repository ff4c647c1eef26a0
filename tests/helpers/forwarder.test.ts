import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startForwarder, type Forwarder } from './forwarder.js';

// The link forwarder against a real echo server on loopback.

let echo: Server;
let echoPort: number;
let link: Forwarder;
const clients: Socket[] = [];

beforeEach(async () => {
  echo = createServer((s) => {
    s.on('error', () => {});
    s.pipe(s);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
  echoPort = (echo.address() as { port: number }).port;
  link = await startForwarder(echoPort);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await link.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** A client through the link, keeping what comes back and how it ended. */
async function dial() {
  const socket = connect(link.port, '127.0.0.1');
  clients.push(socket);
  let received = '';
  let error: NodeJS.ErrnoException | undefined;
  socket.on('data', (d) => (received += d));
  socket.on('error', (e) => (error = e));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  await once(socket, 'connect');
  return { socket, received: () => received, error: () => error, closed };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

describe('the link forwarder', () => {
  it('passes bytes both ways and counts them', async () => {
    const c = await dial();
    c.socket.write('مرحبا hello');
    await until(() => c.received() === 'مرحبا hello');
    const bytes = Buffer.byteLength('مرحبا hello');
    expect(link.counts()).toEqual({ connections: 1, open: 1, bytesUp: bytes, bytesDown: bytes });
  });

  it('blackhole: keeps connections but moves nothing either way; what waited flows after the heal', async () => {
    const before = await dial();
    before.socket.write('a');
    await until(() => before.received() === 'a');

    link.set('blackhole');
    before.socket.write('b');
    const during = await dial(); // accepted: the cut is silent, not refused
    during.socket.write('c');
    await sleep(300);
    expect(before.received()).toBe('a');
    expect(during.received()).toBe('');
    expect(before.error() ?? during.error()).toBeUndefined();
    expect(link.counts()).toMatchObject({ connections: 2, open: 2, bytesUp: 1, bytesDown: 1 });

    link.set('pass');
    await until(() => before.received() === 'ab' && during.received() === 'c');
    expect(link.counts()).toMatchObject({ bytesUp: 3, bytesDown: 3 });
  });

  it('blackhole: an HTTP request through it gets no answer until its own timeout', async () => {
    const http = createServer((s) => s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const wan = await startForwarder((http.address() as { port: number }).port);
    try {
      expect(await (await fetch(wan.url)).text()).toBe('ok');
      wan.set('blackhole');
      await expect(fetch(wan.url, { signal: AbortSignal.timeout(500) })).rejects.toThrow(/abort|timeout/i);
      wan.set('pass');
      expect(await (await fetch(wan.url)).text()).toBe('ok');
    } finally {
      await wan.close();
      http.close();
    }
  });

  it('reset: resets every open connection at once and every new one, until it passes again', async () => {
    const open = await dial();
    open.socket.write('x');
    await until(() => open.received() === 'x');

    link.set('reset');
    await open.closed;
    expect(open.error()?.code).toBe('ECONNRESET');
    expect(link.counts().open).toBe(0);

    const refused = connect(link.port, '127.0.0.1');
    clients.push(refused);
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNRESET');

    link.set('pass');
    const again = await dial();
    again.socket.write('y');
    await until(() => again.received() === 'y');
  });

  it('passes a half-close: the target sees the end and answers before closing', async () => {
    const c = await dial();
    c.socket.end('last words');
    await c.closed;
    expect(c.received()).toBe('last words');
  });
});
