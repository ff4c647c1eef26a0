import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DisplayFleet } from './displays.js';
import { HttpClient } from './http.js';
import { broadcastPhase, type BroadcastResult } from './phases.js';

// The floor: the same display processes, the same number of connections and the same call JSON,
// against a bare socket.io server in its own process (raw-server.ts), triggered over HTTP as a
// clerk's Call next is. Whatever Dawr adds on top of this is Dawr's.

export async function rawFloor(
  fleet: DisplayFleet,
  o: { displays: number; calls: number; gapMs: number; maxMs: number },
): Promise<BroadcastResult> {
  const raw = fork(fileURLToPath(new URL('./raw-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      raw.once('message', (m: { port: number }) => resolve(m.port));
      raw.once('exit', () => reject(new Error('raw socket.io server exited')));
    });
    const http = new HttpClient(`http://127.0.0.1:${port}`, 4);
    await fleet.connect(`http://127.0.0.1:${port}/display`, ['raw'], o.displays);
    const key = (i: number) => 1_000_000_000 + i;
    const send = async (i: number) => {
      const call = { id: key(i), ticket: { id: key(i), number: 'B001', serviceId: 1 }, counter: { id: 1, number: 1 }, recall: false, at: new Date().toISOString() };
      await http.post('/emit', call);
      return key(i);
    };
    await broadcastPhase(fleet, o.displays, { send: (i) => send(-1 - i) }, 3, o.gapMs, o.maxMs); // warm-up
    const result = await broadcastPhase(fleet, o.displays, { send }, o.calls, o.gapMs, o.maxMs);
    await fleet.disconnect();
    http.close();
    return result;
  } finally {
    raw.kill('SIGTERM');
  }
}
