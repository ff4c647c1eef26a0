import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from '../helpers/hall.js';

// Connections that misbehave on purpose or by accident, over raw TCP: a request whose client is
// gone before it is answered logs no error, and a body dribbled in slowly does not hold its
// connection past the request timeout.

let hall: TestHall;
const lines: string[] = [];
afterEach(async () => {
  lines.length = 0;
  await hall.close();
});

async function open(base: string): Promise<Socket> {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

const errorsLogged = () => lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);

describe('a client that goes away', () => {
  it('leaves no error in the log when it resets the connection before the answer', async () => {
    hall = await startHall({ config: { LOG_LEVEL: 'info' }, logStream: { write: (line) => void lines.push(line) } });
    const base = await hall.listen();
    for (let i = 0; i < 20; i++) {
      const socket = await open(base);
      // A rate-limited anonymous route: the limiter needs the address of a peer already gone.
      socket.write(`GET /api/join/services HTTP/1.1\r\nHost: hall\r\n\r\n`);
      socket.resetAndDestroy();
    }
    await expect.poll(() => lines.filter((l) => l.includes('incoming request')).length).toBe(20);
    await sleep(200);
    expect(errorsLogged()).toEqual([]);
  });
});

describe('a body dribbled in a byte at a time', () => {
  it('is cut off once the request timeout is over', async () => {
    hall = await startHall({ requestTimeoutMs: 500 });
    const socket = await open(await hall.listen());
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: hall\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const dribble = setInterval(() => socket.write(' '), 100);
    try {
      const outcome = await Promise.race([closed.then(() => 'closed'), sleep(10_000).then(() => 'still open after 10 s')]);
      expect(outcome).toBe('closed');
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(dribble);
      socket.destroy();
    }
  });
});
