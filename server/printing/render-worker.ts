import { move } from 'piscina';
import { encodeRaster } from './encode.js';
import { renderTicket } from './render.js';
import type { TicketFacts } from './texts.js';

// A thread of the render pool (pool.ts): a ticket's facts in, its ESC/POS bytes out. The lines
// it drew stay in its own cache for the next ticket of the service.

export interface RenderTask {
  facts: TicketFacts;
  width: number;
}

export default function renderTicketBytes({ facts, width }: RenderTask): Uint8Array {
  const bytes = encodeRaster(renderTicket(facts, width));
  // Memory of its own moves to the main thread instead of being copied there. A receipt (tens of
  // KiB) is far past Buffer's shared pool, so it has its own already; a slice of the pool is copied.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  return move(own) as Uint8Array;
}

// Loaded when the thread starts: the fonts and the canvas are ready before the first ticket.
renderTicket(
  { lang: 'ar', digits: 'arab', timeZone: 'UTC', hijriCalendar: 'islamic-umalqura', hallName: 'دور', serviceName: 'دور', number: 'A001', priority: false, appointmentAt: null, issuedAt: 0, ahead: 0, estimatedWaitMinutes: null, notStarted: null, trackingUrl: 'http://localhost/t/x', whatToBring: [], footer: '' },
  384,
);
