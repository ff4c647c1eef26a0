import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { call, killAll, login, removeDir, startServer, tempDataDir, until } from './server-process.js';

// The hall's screens after the server restarts: two hundred displays reconnect at once, each
// gets a fresh snapshot, and no call is lost, neither one made while they were away (it comes
// in the snapshot) nor one made as they come back (it comes live). Once after a clean restart
// (the server says goodbye, and the display must reconnect by itself, as ui-kit/device-socket
// does) and once after kill -9.

const DISPLAYS = 200;
let dataDir: string | undefined;
const displays: Display[] = [];
afterAll(() => {
  for (const d of displays) d.close();
  killAll();
  removeDir(dataDir);
});

class Display {
  readonly calls = new Set<number>();
  snapshots = 0;
  private closed = false;
  readonly socket: Socket;

  constructor(base: string, token: string) {
    this.socket = io(`${base}/display`, {
      auth: { token },
      forceNew: true,
      transports: ['websocket'],
      reconnectionDelay: 250,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.5,
    });
    this.socket.on('snapshot', (s: { calls: { id: number }[] }) => {
      this.snapshots++;
      for (const c of s.calls) this.calls.add(c.id);
    });
    this.socket.on('call', (c: { id: number }) => this.calls.add(c.id));
    // What ui-kit/device-socket does: after the server's goodbye, socket.io does not retry itself.
    const retry = () => setTimeout(() => !this.closed && !this.socket.connected && this.socket.connect(), 200 + Math.random() * 800);
    this.socket.on('disconnect', (reason) => reason === 'io server disconnect' && retry());
    this.socket.on('connect_error', () => !this.socket.active && retry());
  }

  close() {
    this.closed = true;
    this.socket.disconnect();
  }
}

describe('two hundred displays reconnecting after a restart', () => {
  it('all resync and no call is missed', { timeout: 180_000 }, async () => {
    dataDir = tempDataDir('displays');
    let server = await startServer({ dataDir });
    const { kiosk, display } = server.tokens;
    for (let i = 0; i < 8; i++) {
      expect((await call(server.base, 'POST', '/api/tickets', { token: kiosk, body: { serviceId: 1 } })).status).toBe(201);
    }
    const clerk = await login(server.base, 'clerk');
    let current: number | undefined;
    const callNext = async () => {
      // The clerk finishes the visit at the counter, then calls the next citizen.
      if (current !== undefined) {
        expect((await call(server.base, 'POST', `/api/tickets/${current}/start`, { token: clerk })).status).toBe(200);
        expect((await call(server.base, 'POST', `/api/tickets/${current}/complete`, { token: clerk })).status).toBe(200);
      }
      const res = await call(server.base, 'POST', '/api/counters/1/next', { token: clerk });
      expect(res.status).toBe(200);
      current = res.body.id;
      return res.body as { id: number; number: string };
    };

    for (let i = 0; i < DISPLAYS; i++) displays.push(new Display(server.base, display));
    await until('every display to get its first snapshot', () => displays.every((d) => d.snapshots >= 1), 30_000);

    /** Makes a call and answers the call ids every display must end up with. */
    const heard = new Set<number>();
    const callAndRemember = async () => {
      const ticket = await callNext();
      // Any display that is connected hears it live; the others must get it in a snapshot.
      const ids = await until(
        `the call of ${ticket.number} to be known`,
        () => {
          for (const d of displays) for (const id of d.calls) if (!heard.has(id)) return [id];
          return undefined;
        },
        20_000,
      );
      for (const id of ids) heard.add(id);
    };

    await callAndRemember(); // everyone is online
    await until('every display to hear the first call live', () => displays.every((d) => [...heard].every((id) => d.calls.has(id))), 15_000);

    for (const restart of ['SIGTERM', 'SIGKILL'] as const) {
      const before = displays.map((d) => d.snapshots);
      if (restart === 'SIGTERM') expect(await server.stop()).toBe(0);
      else await server.kill9();
      await until('every display to notice', () => displays.every((d) => !d.socket.connected), 15_000);
      server = await startServer({ dataDir, port: server.port });
      const up = Date.now();
      // Called at once, while most displays are still finding their way back.
      await callAndRemember();
      await until(`every display to resync after ${restart}`, () => displays.every((d, i) => d.snapshots > before[i]! && d.socket.connected), 30_000);
      const resyncMs = Date.now() - up;
      // And a call made once they are back comes live.
      await callAndRemember();
      await until(
        `every display to know every call after ${restart}`,
        () => displays.every((d) => [...heard].every((id) => d.calls.has(id))),
        15_000,
      );
      expect(resyncMs).toBeLessThan(30_000);
    }
    expect(heard.size).toBe(5);
    for (const d of displays) expect([...heard].filter((id) => !d.calls.has(id))).toEqual([]);
    for (const d of displays) d.close();
    expect(await server.stop()).toBe(0);
  });
});
