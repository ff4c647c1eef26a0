import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from '../helpers/hall.js';
import { connected } from '../realtime/client.js';

// The hall server closing while its devices come back: between socket.io's goodbye and the
// moment the HTTP server stops listening, the other preClose hooks run (a backup finishing can
// take seconds). The test holds the close there, as a slow hook would.

let hall: TestHall;
let release = () => {};
let closing: Promise<void> = Promise.resolve();
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  release();
  await closing;
});

describe('a hall server that closes', () => {
  it('turns away a display that comes back meanwhile, and closes', async () => {
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const holding = new Promise<void>((resolve) => (entered = resolve));
    hall = await startHall({
      preClose: () => {
        entered();
        return held;
      },
    });
    const url = await hall.listen();
    // As the display's browser connects: long-polling first, then a websocket.
    const display = () => {
      const socket = io(`${url}/display`, { auth: { token: hall.tokens.display }, forceNew: true, reconnection: false, autoConnect: false });
      sockets.push(socket);
      return socket;
    };
    const before = display();
    await connected(before);
    const dropped = new Promise((resolve) => before.once('disconnect', resolve));
    closing = hall.close();
    await Promise.all([holding, dropped]);

    // Refused (403), as long as the server is closing.
    await expect(connected(display())).rejects.toMatchObject({ message: 'xhr poll error', description: 403 });
    release();
    // Let in, the display would hold the close open for as long as it stays.
    const ended = await Promise.race([closing.then(() => 'closed'), sleep(10_000).then(() => 'still closing after 10 s')]);
    expect(ended).toBe('closed');
  });
});
