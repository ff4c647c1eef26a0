import type { DisplayFleet } from './displays.js';
import type { HttpClient } from './http.js';
import { quantile, sleep, wallNow } from './stats.js';

// The measured steps of the load benchmark. Each is bounded in count and in time.

const DELIVERY_TIMEOUT_MS = 5000;

export interface Latencies {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export const latencies = (ms: number[]): Latencies => ({
  p50Ms: quantile(ms, 0.5),
  p99Ms: quantile(ms, 0.99),
  maxMs: ms.length ? Math.max(...ms) : Number.NaN,
});

export interface Kiosks {
  http: HttpClient;
  /** Device tokens, taken in turn. */
  tokens: string[];
  serviceIds: number[];
  issued: number;
}

/** One kiosk tap: a ticket for the next service in turn, from the next kiosk, with its own Idempotency-Key. */
export async function issueOne(kiosk: Kiosks): Promise<{ status: number; id?: number }> {
  const n = kiosk.issued++;
  const serviceId = kiosk.serviceIds[n % kiosk.serviceIds.length]!;
  const res = await kiosk.http.post(
    '/api/tickets',
    { serviceId },
    { authorization: `Bearer ${kiosk.tokens[n % kiosk.tokens.length]}`, 'idempotency-key': `load-${n}` },
  );
  return { status: res.status, id: res.body?.id };
}

export interface IssueResult extends Latencies {
  perSec: number;
  issued: number;
  errors: number;
}

interface Round {
  times: number[];
  ids: number[];
  errors: number;
  ms: number;
}

/** `count` tickets from `concurrency` kiosks tapping as fast as the server answers. */
export async function issueRound(kiosk: Kiosks, count: number, concurrency: number): Promise<Round> {
  const round: Round = { times: [], ids: [], errors: 0, ms: 0 };
  let started = 0;
  const begin = wallNow();
  const loop = async () => {
    while (started < count) {
      started++;
      const t0 = wallNow();
      const { status, id } = await issueOne(kiosk).catch(() => ({ status: 0, id: undefined }));
      if (status === 201 && id !== undefined) {
        round.times.push(wallNow() - t0);
        round.ids.push(id);
      } else round.errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  round.ms = wallNow() - begin;
  return round;
}

/**
 * `count` tickets in rounds of `roundSize`, on top of the standing queue: after each round its
 * tickets are cancelled (`drain`, not measured), so that the hall keeps between its standing
 * queue and that plus one round waiting, as a busy hall does, instead of a queue that only grows.
 */
export async function issuePhase(
  kiosk: Kiosks,
  count: number,
  roundSize: number,
  concurrency: number,
  maxMs: number,
  drain: (ids: number[]) => Promise<void>,
): Promise<IssueResult> {
  const times: number[] = [];
  let errors = 0;
  let ms = 0;
  const begin = wallNow();
  for (let done = 0; done < count && wallNow() - begin < maxMs; ) {
    const round = await issueRound(kiosk, Math.min(roundSize, count - done), concurrency);
    times.push(...round.times);
    errors += round.errors;
    ms += round.ms;
    done += round.times.length + round.errors;
    await drain(round.ids);
  }
  return { ...latencies(times), perSec: times.length / (ms / 1000), issued: times.length, errors };
}

export interface Broadcast {
  /** Sends one call and answers its key (the ticket id every display will hear), or null if nothing was called. */
  send(i: number): Promise<number | null>;
  /** Runs after the displays have it (e.g. completes the called ticket). */
  after?(key: number): Promise<void>;
}

export interface BroadcastResult extends Latencies {
  broadcasts: number;
  /** How long the trigger's HTTP answer took (for Dawr: Call next, transaction and publish included). */
  answer: Latencies;
  /** Expected receipts that never came (a display that did not hear a call within 5 s). */
  undelivered: number;
}

/**
 * `count` broadcasts, one at a time: the time from just before the trigger is sent to each
 * display's receipt, on the parent's clock, for every (broadcast, display) pair.
 */
export async function broadcastPhase(
  fleet: DisplayFleet,
  displays: number,
  b: Broadcast,
  count: number,
  gapMs: number,
  maxMs: number,
): Promise<BroadcastResult> {
  const samples: number[] = [];
  const answers: number[] = [];
  let undelivered = 0;
  let broadcasts = 0;
  const begin = wallNow();
  for (let i = 0; i < count && wallNow() - begin < maxMs; i++) {
    const t0 = wallNow();
    const key = await b.send(i);
    answers.push(wallNow() - t0);
    if (key === null) continue;
    const { times } = await fleet.delivery(key, DELIVERY_TIMEOUT_MS);
    for (const t of times) samples.push(t - t0);
    undelivered += displays - times.length;
    broadcasts++;
    await b.after?.(key);
    await sleep(gapMs);
  }
  return { ...latencies(samples), broadcasts, undelivered, answer: latencies(answers) };
}
