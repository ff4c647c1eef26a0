import { io, type Socket } from 'socket.io-client';
import { wallNow } from './stats.js';

// One child process of the load benchmark holding many display connections (socket.io-client,
// websocket, one connection per display as real screens have). It takes orders from the parent
// over IPC and reports receipt times on its own clock (`wallNow`); the parent measures this
// process's offset to its own clock first (see `clock` below) and corrects the times.
//
// Every call is identified by its ticket id. A display "has" a call when it heard it live or
// found it in a snapshot: that is what missed calls are counted against.

interface Display {
  socket: Socket;
  seen: Set<number>;
  snapshots: number;
  /** Time of the first snapshot since the last `watch`, or null. */
  resnapshotAt: number | null;
}

type Order =
  | { type: 'clock'; id: number }
  | { type: 'connect'; url: string; tokens: string[]; offset: number; count: number }
  | { type: 'flush'; key: number }
  | { type: 'watch' }
  | { type: 'missing'; keys: number[] }
  | { type: 'close' };

const LIFETIME_MS = 15 * 60_000;
const CONNECTS_IN_FLIGHT = 50;

let displays: Display[] = [];
/** ticket id → receipt times of its call, until every display of this process has it. */
const receipts = new Map<number, number[]>();
let watching = false;

const send = (msg: object) => process.send?.(msg);

function onCall(d: Display, call: { ticket?: { id?: number }; recall?: boolean }) {
  const at = wallNow();
  const key = call?.ticket?.id;
  if (typeof key !== 'number') return;
  d.seen.add(key);
  if (call.recall) return;
  const times = receipts.get(key) ?? [];
  times.push(at);
  receipts.set(key, times);
  if (times.length === displays.length) {
    receipts.delete(key);
    send({ type: 'calls', key, times, complete: true });
  }
}

function onSnapshot(d: Display, snapshot: { calls?: { ticket?: { id?: number } }[] }) {
  const at = wallNow();
  d.snapshots++;
  for (const call of snapshot?.calls ?? []) if (typeof call?.ticket?.id === 'number') d.seen.add(call.ticket.id);
  if (watching && d.resnapshotAt === null) {
    d.resnapshotAt = at;
    if (displays.every((x) => x.resnapshotAt !== null)) {
      send({ type: 'resnapshotted', times: displays.map((x) => x.resnapshotAt) });
      watching = false;
    }
  }
}

function open(url: string, token: string): Display {
  // socket.io-client's own reconnection (1 s ± 50 %, doubling, at most 5 s), as a hall screen has.
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, autoConnect: false });
  const d: Display = { socket, seen: new Set(), snapshots: 0, resnapshotAt: null };
  socket.on('call', (call) => onCall(d, call));
  socket.on('snapshot', (s) => onSnapshot(d, s));
  socket.on('disconnect', (reason) => {
    // A server that shuts down cleanly says goodbye, and socket.io then does not come back by
    // itself: a screen must, after the same first delay its reconnection would take.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 500 + Math.random() * 1000);
  });
  return d;
}

/** `count` displays; the i-th of the whole benchmark (`offset + i`) uses the device token in turn. */
async function connectAll(url: string, tokens: string[], offset: number, count: number) {
  displays = [];
  for (let i = 0; i < count; i++) displays.push(open(url, tokens[(offset + i) % tokens.length]!));
  // At most CONNECTS_IN_FLIGHT handshakes at once; each display counts once it has a snapshot.
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < displays.length) {
      const d = displays[next++]!;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('display did not get its snapshot within 30 s')), 30_000);
        d.socket.once('snapshot', () => {
          clearTimeout(timer);
          resolve();
        });
        d.socket.connect();
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTS_IN_FLIGHT, count) }, one));
}

process.on('message', (order: Order) => {
  switch (order.type) {
    case 'clock':
      send({ type: 'clock', id: order.id, t: wallNow() });
      break;
    case 'connect':
      connectAll(order.url, order.tokens, order.offset, order.count).then(
        () => send({ type: 'connected', count: displays.length }),
        (err: Error) => send({ type: 'error', message: err.message }),
      );
      break;
    case 'flush': {
      // The parent gave up waiting: whatever arrived for this call.
      send({ type: 'calls', key: order.key, times: receipts.get(order.key) ?? [], complete: false });
      receipts.delete(order.key);
      break;
    }
    case 'watch':
      watching = true;
      for (const d of displays) d.resnapshotAt = null;
      break;
    case 'missing': {
      let missed = 0;
      let displaysMissing = 0;
      for (const d of displays) {
        const lacking = order.keys.filter((k) => !d.seen.has(k)).length;
        missed += lacking;
        if (lacking) displaysMissing++;
      }
      send({ type: 'missing', missed, displaysMissing, resnapshotted: displays.filter((d) => d.resnapshotAt !== null).length });
      break;
    }
    case 'close':
      for (const d of displays) d.socket.disconnect();
      displays = [];
      receipts.clear();
      send({ type: 'closed' });
      break;
  }
});

// Never outlive the benchmark: the parent gone, or far too long, this process ends.
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(1), LIFETIME_MS).unref();
