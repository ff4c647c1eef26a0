import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printers } from '../../db/schema.js';
import { encodeRaster } from '../../server/printing/encode.js';
import { ticketFacts } from '../../server/printing/facts.js';
import { renderLine, renderTicket, type Raster } from '../../server/printing/render.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Ticket } from '../../server/protocol/schemas.js';
import { parseEscPos } from '../helpers/escpos.js';
import { FakePrinter } from '../printing/fake-printer.js';
import { inkShape, shapeDifference } from '../printing/ink.js';
import { appointmentHall } from './fixture.js';

// The receipt of a checked-in appointment says the appointment and its time, in the ticket's
// language and the hall's zone and digits, as the kiosk's screen does («موعد ١١:٠٠»); a walk-in's
// says nothing of the kind. The demo kiosk's printer is a network printer on 127.0.0.1.

const h = appointmentHall();
const BASE = 'http://hall.test:3000';
let printer: FakePrinter;

beforeEach(async () => {
  printer = await FakePrinter.start();
  h.c.hall.app.conn.db.update(printers).set({ target: printer.target, status: 'unknown' }).run();
  h.c.hall.setSettings({ publicUrl: BASE });
  await h.enable();
});
afterEach(() => printer.off());

/** The bytes the printer received for the ticket, and the raster the same facts draw. */
async function printed(ticket: Ticket) {
  await printer.waitForJobs(1);
  const facts = ticketFacts(h.c.hall.app.conn, h.c.hall.app.hallId, ticket, BASE);
  const raster = parseEscPos(printer.jobs[0]!).find((c) => c.op === 'raster')!;
  const drawn = renderTicket(facts, raster.widthBytes * 8);
  expect(printer.jobs[0]!.equals(encodeRaster(drawn)), 'the printed bytes are the ticket drawn from its facts').toBe(true);
  return { texts: ticketTexts(facts), drawn };
}

async function checkedIn(lang: 'ar' | 'en'): Promise<Ticket> {
  const code = (await h.book(h.at('2026-11-29T11:00'), { lang }, h.c.clerk)).json().code;
  const res = await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The band's ink is the line drawn alone, as the ticket draws a line. */
function expectLine(r: Raster, text: string, lang: 'ar' | 'en') {
  const band = r.bands.find((b) => b.name === 'appointment')!;
  const reference = renderLine(text, lang, r.width, 28);
  const line = reference.bands[0]!;
  const shape = inkShape(r, band.top, band.bottom, 0, r.width - 1);
  expect(shapeDifference(shape, inkShape(reference, line.top, line.bottom, 0, reference.width - 1))).toBeLessThan(0.02);
}

describe("an appointment's receipt", () => {
  it('prints «موعد ١١:٠٠» under the number, in the hall’s zone and digits', async () => {
    const { texts, drawn } = await printed(await checkedIn('ar'));
    expect(texts.appointment).toBe('موعد ١١:٠٠');
    expect(drawn.bands.map((b) => b.name).slice(2, 5)).toEqual(['numberLabel', 'number', 'appointment']);
    expectLine(drawn, 'موعد ١١:٠٠', 'ar');
  });

  it('prints the English line on an English ticket, in the digits the hall chose', async () => {
    h.c.hall.setSettings({ digits: 'latn' });
    const { texts, drawn } = await printed(await checkedIn('en'));
    expect(texts.appointment).toBe('Appointment 11:00');
    expectLine(drawn, 'Appointment 11:00', 'en');
  });

  it("is not on a walk-in's receipt", async () => {
    const res = await h.request('POST', '/api/tickets', { token: h.c.hall.tokens.kiosk, payload: { serviceId: h.serviceId() } });
    const { texts, drawn } = await printed(res.json());
    expect(texts.appointment).toBeNull();
    expect(drawn.bands.map((b) => b.name)).not.toContain('appointment');
  });
});
