import { afterEach, beforeEach, expect, it } from 'vitest';
import { printers } from '../../db/schema.js';
import { encodeRaster } from '../../server/printing/encode.js';
import { ticketFacts } from '../../server/printing/facts.js';
import { renderLine, renderTicket } from '../../server/printing/render.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Ticket } from '../../server/protocol/schemas.js';
import { parseEscPos } from '../helpers/escpos.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { FakePrinter } from './fake-printer.js';
import { inkShape, shapeDifference } from './ink.js';

// The receipt prints the range given at issue (issue 17), as the kiosk's screen says it:
// «الانتظار المتوقع: ٩–٣١ دقيقة». The demo kiosk's printer is a network printer on 127.0.0.1.

const BASE = 'http://hall.test:3000';
const B = 1; // Building permits: 10-minute visits, served first at counter 1
let hall: TestHall;
let printer: FakePrinter;
const now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus

beforeEach(async () => {
  hall = await startHall({ now: () => now });
  printer = await FakePrinter.start();
  hall.app.conn.db.update(printers).set({ target: printer.target, status: 'unknown' }).run();
  hall.setSettings({ publicUrl: BASE });
  const clerk = await hall.login('clerk');
  expect((await hall.app.inject({ method: 'POST', url: '/api/counters/1/open', headers: bearer(clerk) })).statusCode).toBe(200);
});
afterEach(async () => {
  await printer.off();
  await hall.close();
});

async function issue(lang: 'ar' | 'en'): Promise<Ticket> {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: B, lang } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function printedWait(lang: 'ar' | 'en', text: string) {
  await issue(lang);
  await issue(lang);
  const ticket = await issue(lang); // behind two 10-minute visits: 20 ± 0.5 × 22 min before any call
  expect(ticket.estimatedWaitRange).toEqual({ low: 9, high: 31 });
  await printer.waitForJobs(3, 30_000); // three receipts drawn, on a machine that may be busy
  const facts = ticketFacts(hall.app.conn, hall.app.hallId, ticket, BASE);
  expect(ticketTexts(facts).wait).toBe(text);
  const raster = parseEscPos(printer.jobs[2]!).find((c) => c.op === 'raster')!;
  const drawn = renderTicket(facts, raster.widthBytes * 8);
  expect(printer.jobs[2]!.equals(encodeRaster(drawn)), 'the printed bytes are the ticket drawn from its facts').toBe(true);
  // The band's ink is the line drawn alone.
  const band = drawn.bands.find((b) => b.name === 'wait')!;
  const reference = renderLine(text, lang, drawn.width, 28, false);
  const line = reference.bands[0]!;
  const shape = inkShape(drawn, band.top, band.bottom, 0, drawn.width - 1);
  expect(shapeDifference(shape, inkShape(reference, line.top, line.bottom, 0, reference.width - 1))).toBeLessThan(0.02);
}

it('prints «الانتظار المتوقع: ٩–٣١ دقيقة» in the hall’s digits', () => printedWait('ar', 'الانتظار المتوقع: ٩–٣١ دقيقة'));

it('prints "Expected wait: 9–31 min" on an English ticket', () => printedWait('en', 'Expected wait: 9–31 min'));
