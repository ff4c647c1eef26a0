import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EventBatch, type CityWaits, type ConfigDocument, type HallEvent } from '../../server/protocol/city.js';

// A test double of the city server for the hall's tests: the two routes a hall calls, with the
// contract's schemas, over real HTTP on loopback. It keeps what it was sent so tests can look.

export const HALL_TOKEN = 'hall_test-token-of-hall-one';

export interface FakeCity {
  url: string;
  port: number;
  /** Requests that reached it, answered or not. */
  requests: number;
  /** Every batch it took, in order (empty ones too). */
  batches: EventBatch[];
  /** The events it holds, by seq. */
  events: Map<number, HallEvent>;
  /** What it answers: ok, an HTTP status, or nothing at all (a blackholed link). */
  mode: 'ok' | 500 | 'hang';
  /** The catalogue it publishes (absent: none yet). */
  published?: ConfigDocument;
  /** What GET /api/city/waits answers (anyone); absent: 404. */
  waits?: CityWaits;
  /** `since` of every catalogue request. */
  configRequests: number[];
  /** The city restored from an older backup: it holds seqs 1…`through` only. */
  forgetAfter(through: number): void;
  ackedSeq(): number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startFakeCity(port = 0): Promise<FakeCity> {
  const sockets = new Set<Socket>();
  const city: FakeCity = {
    url: '',
    port: 0,
    requests: 0,
    batches: [],
    events: new Map(),
    mode: 'ok',
    configRequests: [],
    forgetAfter(through) {
      for (const seq of city.events.keys()) if (seq > through) city.events.delete(seq);
    },
    ackedSeq() {
      let seq = 0;
      while (city.events.has(seq + 1)) seq++;
      return seq;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server: Server = createServer((req, res) => {
    city.requests++;
    void (async () => {
      if (city.mode === 'hang') return;
      if (city.mode !== 'ok') return json(res, city.mode, { error: { code: 'internal_error', message: 'down' } });
      const url = new URL(req.url ?? '/', 'http://city');
      if (req.method === 'GET' && url.pathname === '/api/city/waits' && city.waits) return json(res, 200, city.waits);
      if (req.headers.authorization !== `Bearer ${HALL_TOKEN}`) return json(res, 401, { error: { code: 'unauthorized', message: 'bad token' } });
      if (req.method === 'POST' && url.pathname === '/api/city/hall/events') {
        const parsed = EventBatch.safeParse(await bodyOf(req));
        if (!parsed.success) return json(res, 400, { error: { code: 'invalid_request', message: parsed.error.message } });
        city.batches.push(parsed.data);
        for (const e of parsed.data.events) if (!city.events.has(e.seq)) city.events.set(e.seq, e);
        return json(res, 200, { ackedSeq: city.ackedSeq(), configVersion: city.published?.version ?? 0 });
      }
      if (req.method === 'GET' && url.pathname === '/api/city/hall/config') {
        const since = Number(url.searchParams.get('since'));
        city.configRequests.push(since);
        if (!city.published || since >= city.published.version) return res.writeHead(204).end();
        return json(res, 200, city.published);
      }
      json(res, 404, { error: { code: 'not_found', message: 'no such route' } });
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  city.port = (server.address() as AddressInfo).port;
  city.url = `http://127.0.0.1:${city.port}`;
  return city;
}

/** Polls `check` until it holds (a few ms apart); fails with `what` after 10 s. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
