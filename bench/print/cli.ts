import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { printers } from '../../db/schema.js';
import { buildApp } from '../../server/app.js';
import { FakePrinter } from '../../tests/printing/fake-printer.js';

// npm run bench:print [-- --tickets 200 --burst 20]
//
// Tap → bytes at the printer: a kiosk's POST /api/tickets over HTTP to a real server (demo hall,
// fresh SQLite in a temporary folder), until the whole ESC/POS job has reached a network printer
// on 127.0.0.1 (a fake one that keeps the bytes). One tap at a time, as at a kiosk, then a burst
// of taps at once (several kiosks), which queue behind each other at the one printer.

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '200' }, burst: { type: 'string', default: '20' } } });
const TICKETS = Number(values.tickets);
const BURST = Number(values.burst);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  return `p50 ${f(quantile(s, 0.5))} ms   p95 ${f(quantile(s, 0.95))} ms   max ${f(s.at(-1)!)} ms`;
};

const dataDir = mkdtempSync(join(tmpdir(), 'dawr-bench-print-'));
const printer = await FakePrinter.start();
const app = await buildApp({ config: { DATA_DIR: dataDir, SEED: 'demo', ADMIN_PASSWORD: 'bench-password', LOG_LEVEL: 'warn' } });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const kiosk = app.seedReport!.devices.find((d) => d.kind === 'kiosk')!;
const demoPrinter = app.conn.db.select().from(printers).where(eq(printers.kioskId, kiosk.id)).get()!;
app.conn.db.update(printers).set({ target: printer.target }).where(eq(printers.id, demoPrinter.id)).run();
const services = 6;

async function tap(i: number): Promise<{ answered: number; printed: Promise<number> }> {
  const before = printer.jobs.length;
  const started = performance.now();
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ serviceId: (i % services) + 1, lang: i % 3 === 0 ? 'en' : 'ar' }),
  });
  if (res.status !== 201) throw new Error(`tap ${i}: ${res.status} ${await res.text()}`);
  const answered = performance.now() - started;
  const printed = printer.waitForJobs(before + 1, 10_000).then(() => printer.arrivals[before]! - started);
  return { answered, printed };
}

try {
  // Warm-up: fonts, prepared statements, JIT.
  for (let i = 0; i < 5; i++) await (await tap(i)).printed;
  printer.jobs.length = printer.arrivals.length = 0;

  const answered: number[] = [];
  const printed: number[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const t = await tap(i);
    answered.push(t.answered);
    printed.push(await t.printed);
  }
  const printing = printed.map((ms, i) => ms - answered[i]!);

  const burstStart = printer.jobs.length;
  const started = performance.now();
  await Promise.all(Array.from({ length: BURST }, (_, i) => tap(i).then((t) => t.answered)));
  await printer.waitForJobs(burstStart + BURST, 30_000);
  const burst = printer.arrivals.slice(burstStart).map((at) => at - started);

  const bytes = printer.jobs.reduce((n, b) => n + b.length, 0) / printer.jobs.length;
  console.log(`Dawr print bench: ${TICKETS} taps one at a time, then ${BURST} at once; 80 mm tickets, ${Math.round(bytes / 1024)} KiB each`);
  console.log(`  tap → 201 answer        ${summary(answered)}`);
  console.log(`  tap → bytes at printer  ${summary(printed)}`);
  console.log(`  201 → bytes (printing)  ${summary(printing)}`);
  console.log(`  burst of ${BURST}: tap → bytes  ${summary(burst)}`);
  console.log(`  tickets parsed: ${printer.tickets().length} complete (ESC @ … GS v 0 … GS V)`);
} finally {
  await app.close();
  await printer.off();
  rmSync(dataDir, { recursive: true, force: true });
}
