import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wallNow } from './stats.js';

// The parent's side of the display processes: k children, each holding its share of the N
// display connections. Children stamp receipts on their own wall clock; at start the parent
// measures each child's offset to its own (NTP-style over IPC, the round trip with the least
// delay wins) and moves every receipt onto the parent's clock.

const WORKER = fileURLToPath(new URL('./display-worker.ts', import.meta.url));

type Message = { type: string; [k: string]: any };

/** Every message of a child, kept until taken: a receipt may arrive before anyone waits for it. */
class Mailbox {
  private unread: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private exited = false;

  constructor(proc: ChildProcess) {
    proc.on('message', (m: Message) => {
      const i = this.waiters.findIndex((w) => w.match(m));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
      else this.unread.push(m);
    });
    proc.once('exit', () => (this.exited = true));
  }

  /** The first unread message that `match` accepts, waiting up to `timeoutMs` for it. */
  take(match: (m: Message) => boolean, timeoutMs: number): Promise<Message> {
    const i = this.unread.findIndex(match);
    if (i >= 0) return Promise.resolve(this.unread.splice(i, 1)[0]!);
    if (this.exited) return Promise.reject(new Error('display process has exited'));
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: Message) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`display process: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

interface Worker {
  proc: ChildProcess;
  mail: Mailbox;
  /** child clock − parent clock, ms */
  offsetMs: number;
  count: number;
}

export interface Delivery {
  /** Receipt times on the parent's clock, one per display that heard it. */
  times: number[];
  complete: boolean;
}

export class DisplayFleet {
  private workers: Worker[] = [];

  static async start(processes: number): Promise<DisplayFleet> {
    const fleet = new DisplayFleet();
    for (let i = 0; i < processes; i++) {
      const proc = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      fleet.workers.push({ proc, mail: new Mailbox(proc), offsetMs: 0, count: 0 });
    }
    for (const w of fleet.workers) w.offsetMs = await measureOffset(w);
    return fleet;
  }

  /** The largest |offset| between a child's clock and the parent's, ms. */
  get maxClockOffsetMs(): number {
    return Math.max(0, ...this.workers.map((w) => Math.abs(w.offsetMs)));
  }

  private get active(): Worker[] {
    return this.workers.filter((w) => w.count > 0);
  }

  /**
   * Connects `displays` displays to `url` (a /display namespace), spread over the children, the
   * display devices' tokens taken in turn; answers once each display has had its snapshot.
   */
  async connect(url: string, tokens: string[], displays: number): Promise<void> {
    const k = this.workers.length;
    let offset = 0;
    await Promise.all(
      this.workers.map(async (w, i) => {
        w.count = Math.floor(displays / k) + (i < displays % k ? 1 : 0);
        if (w.count === 0) return;
        w.proc.send({ type: 'connect', url, tokens, offset, count: w.count });
        offset += w.count;
        const answer = await w.mail.take((m) => m.type === 'connected' || m.type === 'error', 120_000);
        if (answer.type === 'error') throw new Error(`display process: ${answer.message}`);
      }),
    );
  }

  /** Waits until every display heard the call of ticket `key` (or `timeoutMs` passed). */
  async delivery(key: number, timeoutMs: number): Promise<Delivery> {
    const parts = await Promise.all(
      this.active.map(async (w) => {
        const pending = w.mail.take((m) => m.type === 'calls' && m.key === key, timeoutMs + 10_000);
        const timer = setTimeout(() => w.proc.send({ type: 'flush', key }), timeoutMs);
        const m = await pending;
        clearTimeout(timer);
        return { times: (m.times as number[]).map((t) => t - w.offsetMs), complete: m.complete as boolean };
      }),
    );
    return { times: parts.flatMap((p) => p.times), complete: parts.every((p) => p.complete) };
  }

  /** From now on, each display notes its first snapshot; answers their times once all have one. */
  async watchSnapshots(timeoutMs: number): Promise<{ times: number[]; complete: boolean }> {
    const active = this.active;
    for (const w of active) w.proc.send({ type: 'watch' });
    const parts = await Promise.all(
      active.map((w) =>
        w.mail.take((m) => m.type === 'resnapshotted', timeoutMs).then(
          (m) => ({ times: (m.times as number[]).map((t) => t - w.offsetMs), complete: true }),
          () => ({ times: [] as number[], complete: false }),
        ),
      ),
    );
    return { times: parts.flatMap((p) => p.times), complete: parts.every((p) => p.complete) };
  }

  /** How many (display, call) pairs lack one of these calls, heard live or found in a snapshot. */
  async missing(keys: number[]): Promise<{ missed: number; displaysMissing: number }> {
    let missed = 0;
    let displaysMissing = 0;
    for (const w of this.active) {
      w.proc.send({ type: 'missing', keys });
      const m = await w.mail.take((x) => x.type === 'missing', 10_000);
      missed += m.missed;
      displaysMissing += m.displaysMissing;
    }
    return { missed, displaysMissing };
  }

  /** Disconnects every display (the processes stay, for the next server). */
  async disconnect(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        w.proc.send({ type: 'close' });
        await w.mail.take((m) => m.type === 'closed', 10_000);
        w.count = 0;
      }),
    );
  }

  stop(): void {
    for (const w of this.workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  }
}

/** child clock − parent clock, from the IPC round trip with the least delay out of 20. */
async function measureOffset(w: Worker): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let id = 0; id < 20; id++) {
    const sent = wallNow();
    w.proc.send({ type: 'clock', id });
    const m = await w.mail.take((x) => x.type === 'clock' && x.id === id, 30_000);
    const received = wallNow();
    if (received - sent < best.rtt) best = { rtt: received - sent, offset: m.t - (sent + received) / 2 };
  }
  return best.offset;
}
