import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Connection } from '../../db/connection.js';
import { applyCatalogue } from '../hall/catalogue.js';
import type { Effect } from '../hall/effects.js';
import { BatchAck, ConfigDocument, type EventBatch } from '../protocol/city.js';
import { hallEvents } from './events.js';
import { newestSeq, readBatch, readCentralState, recordAck } from './outbox.js';
import { backoffMs, resumeAfter } from './resume.js';
import { hallStatus } from './status.js';

// Ships the hall's outbox to its city server, oldest first, and applies the catalogue the city
// publishes. Runs beside the queue and never in its way: it reads a batch with one indexed query
// and does nothing on the request path (the outbox is filled by triggers).

export interface ShipperTiming {
  /** Events per POST (the contract takes up to MAX_BATCH). */
  batchSize: number;
  /** How often it looks for new events: the longest an event waits to be shipped. */
  pollMs: number;
  /** The longest it stays silent: the city greys out a hall it has not heard from for 60 s. */
  heartbeatMs: number;
  /** A request the city does not answer in this time has failed (a blackholed link). */
  timeoutMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /** Acknowledged outbox rows kept, to send again to a city restored from an older backup… */
  keepAcked: number;
  /** …and pruned this many at a time. */
  pruneEvery: number;
  random: () => number;
}

export const DEFAULT_TIMING: ShipperTiming = {
  batchSize: 500,
  pollMs: 1000,
  heartbeatMs: 10_000,
  timeoutMs: 10_000,
  backoffMinMs: 1000,
  backoffMaxMs: 30_000,
  keepAcked: 50_000,
  pruneEvery: 1000,
  random: Math.random,
};

export interface ShipperOptions {
  conn: Connection;
  hallId: number;
  /** CENTRAL_URL and CENTRAL_TOKEN. */
  url: string;
  token: string;
  /** The hall's clock, for its status and the audit row of a catalogue. */
  now: () => number;
  log: FastifyBaseLogger;
  software: string;
  /** Tells the hall's screens what an applied catalogue changed. */
  publish: (effects: Effect[]) => void;
  timing?: Partial<ShipperTiming>;
}

export interface ShipperState {
  /** What the city last said it holds without a gap; null until it answered in this run. */
  ackedSeq: number | null;
  configVersion: number;
  /** Failures in a row, and the last one's reason. */
  failures: number;
  lastError: string | null;
  /** Something the hall cannot repair by itself (history the city lacks and the hall pruned). */
  problem: string | null;
}

export interface Shipper {
  start(): void;
  /** Ends the run: an unanswered request is abandoned; what the city took stays taken. */
  stop(): Promise<void>;
  state(): ShipperState;
}

export function createShipper(o: ShipperOptions): Shipper {
  const t = { ...DEFAULT_TIMING, ...o.timing };
  const base = o.url.endsWith('/') ? o.url : `${o.url}/`;
  const eventsUrl = new URL('api/city/hall/events', base);
  const configUrl = (since: number) => new URL(`api/city/hall/config?since=${since}`, base);
  const headers = { authorization: `Bearer ${o.token}` };
  const stopping = new AbortController();
  const state: ShipperState = {
    ackedSeq: null,
    configVersion: readCentralState(o.conn).configVersion,
    failures: 0,
    lastError: null,
    problem: null,
  };
  /** The seq after which the next batch starts; null: ask the city first (an empty batch). */
  let cursor: number | null = null;
  let lastPostAt = -Infinity;
  let running: Promise<void> | undefined;

  const signal = () => AbortSignal.any([stopping.signal, AbortSignal.timeout(t.timeoutMs)]);

  async function post(batch: EventBatch): Promise<BatchAck> {
    lastPostAt = performance.now();
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
      signal: signal(),
    });
    if (!res.ok) throw new Error(`the city answered ${res.status} to a batch: ${(await res.text()).slice(0, 200)}`);
    return BatchAck.parse(await res.json());
  }

  async function pullCatalogue(): Promise<void> {
    const res = await fetch(configUrl(state.configVersion), { headers, signal: signal() });
    if (res.status === 204) return;
    if (!res.ok) throw new Error(`the city answered ${res.status} to the catalogue: ${(await res.text()).slice(0, 200)}`);
    const doc = ConfigDocument.parse(await res.json());
    const { value, effects } = applyCatalogue(o.conn, o.hallId, o.now(), doc);
    if (!value.applied) return;
    state.configVersion = doc.version;
    o.log.info({ configVersion: doc.version, services: doc.services.length }, "the city's service catalogue is applied");
    o.publish(effects);
  }

  function noteProblem(problem: string | null): void {
    if (problem && problem !== state.problem) o.log.error(problem);
    state.problem = problem;
  }

  /** POSTs batches until the city holds everything written so far (or one heartbeat when nothing is new). */
  async function shipPending(): Promise<void> {
    for (;;) {
      const from = cursor;
      const rows = from === null ? [] : readBatch(o.conn, from, t.batchSize);
      const ack = await post({ events: hallEvents(rows), status: hallStatus(o.conn, o.hallId, o.now()), configVersion: state.configVersion, software: o.software });
      const { prunedThrough } = readCentralState(o.conn);
      const next = resumeAfter(ack.ackedSeq, state.ackedSeq, from ?? prunedThrough, rows.map((r) => r.seq), prunedThrough);
      state.ackedSeq = ack.ackedSeq;
      const newest = newestSeq(o.conn);
      noteProblem(
        next.lost
          ? `the city holds this hall's events 1…${ack.ackedSeq} only, and events ${next.lost.from}…${next.lost.to} are no longer kept here: they will be missing from the city's reports`
          : ack.ackedSeq > Math.max(newest, prunedThrough)
            ? `the city holds this hall's events up to ${ack.ackedSeq}, but this hall has written only ${newest}: was its database restored from a backup? The city will ignore its events up to ${ack.ackedSeq}`
            : null,
      );
      cursor = next.cursor;
      recordAck(o.conn, ack.ackedSeq, { keep: t.keepAcked, every: t.pruneEvery });
      if (ack.configVersion > state.configVersion) await pullCatalogue();
      if (next.stuck) throw new Error(`the city took none of events ${rows[0]!.seq}…${rows.at(-1)!.seq}`);
      if (from !== null && cursor >= newest) return;
    }
  }

  const due = () => cursor === null || newestSeq(o.conn) > cursor || performance.now() - lastPostAt >= t.heartbeatMs;

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      try {
        if (due()) await shipPending();
        if (state.failures > 0) o.log.info('the link to the city server is back');
        state.failures = 0;
        await sleep(t.pollMs, undefined, { signal: stopping.signal });
      } catch (err) {
        if (stopping.signal.aborted) return;
        state.failures += 1;
        state.lastError = (err as Error).message;
        const waitMs = backoffMs(state.failures, t.backoffMinMs, t.backoffMaxMs, t.random);
        o.log.warn({ err, failures: state.failures, retryInMs: waitMs }, 'shipping to the city server failed');
        await sleep(waitMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
  }

  return {
    start() {
      running ??= run();
    },
    async stop() {
      stopping.abort();
      await running;
    },
    state: () => ({ ...state }),
  };
}
