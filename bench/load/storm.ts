import type { DisplayFleet } from './displays.js';
import type { Broadcast } from './phases.js';
import type { DawrServer, ProbeReading } from './server-process.js';
import { sleep, wallNow } from './stats.js';

// The reconnect storm: the server restarts with every display connected. Calls are made while
// the displays are away (right after the new server listens, before they are back); each display
// must have every call afterwards, heard live or found in its reconnect snapshot.

const DELIVERY_TIMEOUT_MS = 5000;
const RESNAPSHOT_TIMEOUT_MS = 60_000;

export interface StormOptions {
  server: DawrServer;
  fleet: DisplayFleet;
  callNext: Required<Broadcast>;
  stormCalls: number;
  signal: 'SIGTERM' | 'SIGKILL';
}

export interface StormResult {
  /** From the stop signal to the last display's new snapshot. */
  allSnapshotsMs: number;
  /** From the new server listening to the last display's new snapshot. */
  afterReadyMs: number;
  /** From the stop signal to the new server listening. */
  restartMs: number;
  calls: number;
  missedCalls: number;
  displaysMissing: number;
  loop: ProbeReading;
}

/** One call heard live by every display; answers its key. */
async function liveCall(o: StormOptions): Promise<number | null> {
  const key = await o.callNext.send(0);
  if (key === null) return null;
  await o.fleet.delivery(key, DELIVERY_TIMEOUT_MS);
  await o.callNext.after(key);
  return key;
}

export async function restartStorm(o: StormOptions): Promise<StormResult> {
  const keys: number[] = [];
  const before = await liveCall(o);
  if (before !== null) keys.push(before);

  const watch = o.fleet.watchSnapshots(RESNAPSHOT_TIMEOUT_MS);
  const stopAt = wallNow();
  await o.server.stop(o.signal);
  await o.server.start();
  const readyAt = wallNow();
  await o.server.probe(true);
  // Calls while the displays are away: they can reach them only through the snapshot.
  let calls = 0;
  for (let i = 0; i < o.stormCalls; i++) {
    const key = await o.callNext.send(i);
    if (key === null) continue;
    keys.push(key);
    calls++;
    await o.callNext.after(key);
  }
  const { times, complete } = await watch;
  if (!complete) throw new Error(`not every display had a snapshot within ${RESNAPSHOT_TIMEOUT_MS} ms of the restart`);
  const lastSnapshot = Math.max(...times);
  const loop = await o.server.probe(true);
  await sleep(100);

  const after = await liveCall(o);
  if (after !== null) keys.push(after);
  const { missed, displaysMissing } = await o.fleet.missing(keys);
  return {
    allSnapshotsMs: lastSnapshot - stopAt,
    afterReadyMs: Math.max(0, lastSnapshot - readyAt),
    restartMs: readyAt - stopAt,
    calls,
    missedCalls: missed,
    displaysMissing,
    loop,
  };
}
