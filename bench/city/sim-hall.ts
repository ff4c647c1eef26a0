import { DEFAULT_TIMING } from '../../server/central/shipper.js';
import { BatchAck, type EventBatch, type HallEvent, type HallStatus } from '../../server/protocol/city.js';
import { sleep, wallNow } from '../load/stats.js';
import type { DayEvent, HallDay } from './hall-day.js';

// A simulated hall: its day's events come due on an accelerated clock, go into its outbox with
// the next seq, and are shipped to the city exactly as the hall's shipper does it
// (server/central/shipper.ts, DEFAULT_TIMING): oldest first from the city's acknowledged seq, at
// most `batchSize` per POST, one POST in flight, the next at once while events are pending, then
// `pollMs` of sleep before it looks again; an empty batch (heartbeat) after `heartbeatMs` of
// silence; after a failure, a pause (the bench expects none: it counts them).

const SHIPPER = { ...DEFAULT_TIMING, backoffMs: DEFAULT_TIMING.backoffMinMs };

export const TIME_ZONE = 'Asia/Damascus';

/** Today (YYYY-MM-DD) in the simulated halls' zone. */
export const hallToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(Date.now());

/** The replay's clock: day seconds from `fromS`, `speed` times faster than the wall's. */
export class ReplayClock {
  readonly wallStart = wallNow();
  readonly day = hallToday();
  /** Epoch ms of the day's midnight, so that events carry today's date. */
  readonly midnight = Date.parse(`${this.day}T00:00:00+03:00`); // Damascus keeps +03:00 all year

  constructor(
    readonly fromS: number,
    readonly speed: number,
  ) {}
  dayS(wall = wallNow()): number {
    return this.fromS + ((wall - this.wallStart) * this.speed) / 1000;
  }
  wallOf(atS: number): number {
    return this.wallStart + ((atS - this.fromS) * 1000) / this.speed;
  }
  epochOf(atS: number): number {
    return Math.round(this.midnight + atS * 1000);
  }
}

/** A day's event as the hall's outbox ships it: its seq, its times on today's date. */
export function toHallEvent(e: DayEvent, seq: number, clock: ReplayClock): HallEvent {
  const { atS, issuedAtS, ...rest } = e;
  const at = clock.epochOf(atS);
  return rest.kind === 'ticket' ? { ...rest, seq, at, issuedAt: clock.epochOf(issuedAtS!) } : { ...rest, seq, at };
}

/** What every hall adds to, for the figures. */
export interface Samples {
  /** From an event's creation to the ack that covers it. */
  lagMs: number[];
  /** From a POST's answer to the board row of that hall on the /city socket. */
  boardMs: number[];
  posts: number;
  failures: number;
  acked: number;
}

interface Shipped {
  event: HallEvent;
  /** Wall time at which the hall wrote it. */
  createdAt: number;
}

export class SimHall {
  private next = 0;
  private readonly outbox: Shipped[] = [];
  private seq = 0;
  private acked = 0;
  private inFlight = false;
  private lastPostAt = 0;
  /** A POST with events answered, whose board row has not come yet; or one whose row came while it was in flight. */
  private answeredAt: number | null = null;
  private rowInFlight = false;
  private readonly waiting = new Map<number, { issuedAtS: number; serviceId: number }>();
  private readonly open = new Set<number>();
  private issued = 0;
  private served = 0;
  private stopped = false;
  /** The day's second after which the hall writes nothing more (the replay's end). */
  private lastS = Number.POSITIVE_INFINITY;

  constructor(
    readonly id: number,
    private readonly token: string,
    private readonly day: HallDay,
    private readonly clock: ReplayClock,
    private readonly city: string,
    private readonly samples: Samples,
  ) {}

  /** Starts its loop at a random phase (halls are not in step). */
  start(): void {
    void sleep(Math.random() * SHIPPER.pollMs).then(() => this.run());
  }

  /** The replay is over: nothing more is written, what is pending still ships. */
  freeze(): void {
    this.lastS = this.clock.dayS();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Events written and not yet acknowledged. */
  get pending(): number {
    return this.seq - this.acked;
  }

  get busy(): boolean {
    return this.inFlight || this.pending > 0;
  }

  /** The /city socket brought this hall's row. */
  boardRow(now: number): void {
    if (this.answeredAt !== null) {
      this.samples.boardMs.push(now - this.answeredAt);
      this.answeredAt = null;
    } else if (this.inFlight) this.rowInFlight = true;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.write(this.clock.dayS());
      if (this.pending > 0 || wallNow() - this.lastPostAt >= SHIPPER.heartbeatMs) {
        try {
          await this.shipPending();
        } catch (e) {
          this.samples.failures++;
          if (this.samples.failures <= 3) console.error(`hall ${this.id}: ${(e as Error).message}`);
          await sleep(SHIPPER.backoffMs);
        }
      }
      await sleep(SHIPPER.pollMs);
    }
  }

  /** Writes every event due by `dayS` into the outbox, as the hall's transactions would. */
  private write(upToS: number): void {
    const dayS = Math.min(upToS, this.lastS);
    const events = this.day.events;
    while (this.next < events.length && events[this.next]!.atS <= dayS) {
      const e = events[this.next++]!;
      this.apply(e);
      this.outbox.push({ event: toHallEvent(e, ++this.seq, this.clock), createdAt: this.clock.wallOf(e.atS) });
    }
  }

  private apply(e: DayEvent): void {
    if (e.kind === 'counter') {
      if (e.state === 'open') this.open.add(e.counterId);
      else this.open.delete(e.counterId);
    } else if (e.type === 'issue') {
      this.issued++;
      this.waiting.set(e.ticketId, { issuedAtS: e.atS, serviceId: e.serviceId });
    } else if (e.toStatus === 'waiting') this.waiting.set(e.ticketId, { issuedAtS: e.issuedAtS!, serviceId: e.serviceId });
    else if (e.type === 'call') this.waiting.delete(e.ticketId);
    else if (e.type === 'complete') this.served++;
  }

  private status(): HallStatus {
    const dayS = this.clock.dayS();
    let oldest: { issuedAtS: number; serviceId: number } | undefined;
    const waitingBy = new Map<number, number>();
    for (const w of this.waiting.values()) {
      if (!oldest || w.issuedAtS < oldest.issuedAtS) oldest = w;
      waitingBy.set(w.serviceId, (waitingBy.get(w.serviceId) ?? 0) + 1);
    }
    return {
      at: this.clock.epochOf(dayS),
      timeZone: TIME_ZONE,
      day: this.clock.day,
      openNow: this.open.size > 0,
      waiting: this.waiting.size,
      longestWaitS: oldest ? Math.max(0, Math.round(dayS - oldest.issuedAtS)) : null,
      longestWaitTargetS: oldest ? this.day.services.find((s) => s.id === oldest.serviceId)!.targetWaitS : null,
      countersOpen: this.open.size,
      issuedToday: this.issued,
      servedToday: this.served,
      services: this.day.services.map((s) => ({
        id: s.id,
        code: s.code,
        name: { ar: s.code, en: s.code },
        targetWaitS: s.targetWaitS,
        active: true,
        waiting: waitingBy.get(s.id) ?? 0,
        estimatedWaitMinutes: null,
      })),
    };
  }

  /** POSTs batches until the city holds everything written so far (one heartbeat when nothing is new). */
  private async shipPending(): Promise<void> {
    do {
      await this.post();
      this.write(this.clock.dayS());
    } while (this.pending > 0);
  }

  private async post(): Promise<void> {
    this.inFlight = true;
    this.rowInFlight = false;
    // The outbox keeps what the city has not acknowledged: the batch starts right after ackedSeq.
    const batch = this.outbox.slice(0, SHIPPER.batchSize);
    const body: EventBatch = { events: batch.map((s) => s.event), status: this.status(), configVersion: 0, software: 'bench' };
    this.lastPostAt = wallNow();
    this.samples.posts++;
    try {
      const res = await fetch(`${this.city}/api/city/hall/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(SHIPPER.timeoutMs),
      });
      if (res.status !== 200) throw new Error(`the city answered ${res.status}: ${await res.text()}`);
      const { ackedSeq } = BatchAck.parse(await res.json());
      const now = wallNow();
      const done = Math.max(0, ackedSeq - this.acked);
      if (batch.length > 0 && done === 0) throw new Error(`the city took none of events ${batch[0]!.event.seq}…${batch.at(-1)!.event.seq}`);
      for (const s of this.outbox.splice(0, done)) this.samples.lagMs.push(now - s.createdAt);
      this.samples.acked += done;
      this.acked += done;
      if (batch.length > 0) {
        if (this.rowInFlight) this.samples.boardMs.push(0);
        else this.answeredAt = now;
      }
    } finally {
      this.inFlight = false;
    }
  }
}
