import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readHall } from './db-check.js';
import { call, killAll, pool, removeDir, startServer, tempDataDir } from './server-process.js';

// Power cut in the morning rush: kill -9 while kiosks are issuing. Every ticket answered 201 must
// be there after the restart with the number it was given, the numbering must go on without a
// duplicate, and a kiosk retrying an unanswered tap with its Idempotency-Key gets one ticket.

let dataDir: string | undefined;
afterAll(() => {
  killAll();
  removeDir(dataDir);
});

interface Tap {
  key: string;
  serviceId: number;
  answer?: { status: number; id: number; number: string };
  lost?: boolean;
}

describe('kill -9 during a burst of ticket issues', () => {
  it('keeps every ticket answered 201, with its number; numbering goes on without duplicates', { timeout: 180_000 }, async () => {
    dataDir = tempDataDir('kill-burst');
    const first = await startServer({ dataDir });
    const services = (await call(first.base, 'GET', '/api/services')).body as { id: number }[];
    expect(services.length).toBeGreaterThan(1);
    const kiosk = first.tokens.kiosk;

    const taps: Tap[] = Array.from({ length: 300 }, (_, i) => ({ key: randomUUID(), serviceId: services[i % services.length]!.id }));
    let answered = 0;
    let killed: Promise<void> | undefined;
    await pool(taps, 16, async (tap) => {
      if (killed) {
        tap.lost = true;
        return;
      }
      try {
        const res = await call(first.base, 'POST', '/api/tickets', {
          token: kiosk,
          body: { serviceId: tap.serviceId },
          headers: { 'idempotency-key': tap.key },
          timeoutMs: 5000,
        });
        if (res.status === 201) tap.answer = { status: 201, id: res.body.id, number: res.body.number };
        else tap.lost = true;
        // Mid-burst: the power goes while requests are in flight.
        if (++answered === 120) killed = first.kill9();
      } catch {
        tap.lost = true; // no answer: the connection died with the server
      }
    });
    await killed;
    const confirmed = taps.filter((t) => t.answer);
    expect(confirmed.length).toBeGreaterThanOrEqual(120);
    expect(confirmed.length).toBeLessThan(300);

    // The database as the crash left it (no clean shutdown, the WAL not checkpointed).
    const afterCrash = readHall(dataDir);
    expect(afterCrash.integrity).toBe('ok');
    const byId = new Map(afterCrash.tickets.map((t) => [t.id, t]));
    for (const tap of confirmed) expect(byId.get(tap.answer!.id)?.number, `ticket ${tap.answer!.id}`).toBe(tap.answer!.number);
    expect(afterCrash.withoutIssueEvent).toEqual([]);
    expect(afterCrash.sequenceMismatches).toEqual([]);
    expect(afterCrash.duplicateNumbers).toEqual([]);

    // Restart on the same DATA_DIR and port.
    const second = await startServer({ dataDir, port: first.port });
    // Kiosks retry their unanswered taps with the same key: one ticket per tap, never two.
    const unanswered = taps.filter((t) => !t.answer);
    await pool(unanswered, 16, async (tap) => {
      const res = await call(second.base, 'POST', '/api/tickets', {
        token: kiosk,
        body: { serviceId: tap.serviceId },
        headers: { 'idempotency-key': tap.key },
      });
      expect([200, 201]).toContain(res.status);
      tap.answer = { status: res.status, id: res.body.id, number: res.body.number };
    });
    // And new taps after the restart continue each service's numbering.
    const fresh: Tap[] = services.map((s) => ({ key: randomUUID(), serviceId: s.id }));
    for (const tap of fresh) {
      const res = await call(second.base, 'POST', '/api/tickets', {
        token: kiosk,
        body: { serviceId: tap.serviceId },
        headers: { 'idempotency-key': tap.key },
      });
      expect(res.status).toBe(201);
      tap.answer = { status: 201, id: res.body.id, number: res.body.number };
    }
    expect(await second.stop()).toBe(0);

    const final = readHall(dataDir);
    expect(final.integrity).toBe('ok');
    expect(final.duplicateNumbers).toEqual([]);
    expect(final.sequenceMismatches).toEqual([]);
    expect(final.withoutIssueEvent).toEqual([]);
    // Every tap is exactly one ticket: 300 + one per service, no more.
    expect(final.tickets).toHaveLength(300 + services.length);
    expect(new Set(taps.map((t) => t.answer!.id)).size).toBe(300);
    const finalById = new Map(final.tickets.map((t) => [t.id, t]));
    for (const tap of [...taps, ...fresh]) expect(finalById.get(tap.answer!.id)?.number).toBe(tap.answer!.number);
    // Each service's sequence is 1…n without a gap or a repeat on the day.
    for (const s of services) {
      const seqs = final.tickets.filter((t) => t.serviceId === s.id).map((t) => t.sequence).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    // The first ticket after the restart came right after the highest before it.
    for (const tap of fresh) {
      const t = finalById.get(tap.answer!.id)!;
      const before = afterCrash.tickets.filter((x) => x.serviceId === t.serviceId && x.day === t.day);
      expect(t.sequence).toBeGreaterThan(Math.max(0, ...before.map((x) => x.sequence)));
    }
  });
});
