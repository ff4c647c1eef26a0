import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRaster } from '../../server/printing/encode.js';
import { ticketFacts } from '../../server/printing/facts.js';
import { renderLine, renderTicket, wrap, type Raster } from '../../server/printing/render.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Ticket } from '../../server/protocol/schemas.js';
import { parseEscPos, rasterDot } from '../helpers/escpos.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { inkShape, shapeDifference } from './ink.js';

// A receipt of the French demo hall (SEED=demo-fr, languages ["ar", "fr"]), from a ticket taken
// in French: its words, and the bytes the printer gets, read back.

const B = 1; // Permis de construire
let hall: TestHall;
const now = Date.parse('2026-12-06T09:04:00Z'); // Sunday 10:04 in Algiers: open

beforeAll(async () => {
  hall = await startHall({ seed: 'demo-fr', now: () => now });
});
afterAll(() => hall.close());

async function issue(lang: string): Promise<Ticket> {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: B, lang } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const band = (r: Raster, name: string) => r.bands.find((b) => b.name === name)!;
/** How far a band of the printed image is from the text drawn alone (0: the same dots). */
function drawnAs(printed: Raster, name: string, reference: Raster): number {
  const b = band(printed, name);
  const line = band(reference, 'line');
  return shapeDifference(inkShape(printed, b.top, b.bottom, 0, printed.width - 1), inkShape(reference, line.top, line.bottom, 0, reference.width - 1));
}

/** The ticket as the printer gets it, read back from the ESC/POS bytes dot by dot: what the lines are measured on. */
function printed(facts: ReturnType<typeof ticketFacts>): Raster {
  const raster = renderTicket(facts, 576);
  const commands = parseEscPos(encodeRaster(raster));
  const image = commands.find((c) => c.op === 'raster') as Extract<(typeof commands)[number], { op: 'raster' }>;
  expect(image).toMatchObject({ widthBytes: 72, height: raster.height });
  const pixels = new Uint8ClampedArray(576 * image.height * 4).fill(255);
  for (let y = 0; y < image.height; y++) for (let x = 0; x < 576; x++) if (rasterDot(image, x, y)) pixels.fill(0, (y * 576 + x) * 4, (y * 576 + x) * 4 + 3);
  return { width: 576, height: image.height, bits: image.data, pixels, bands: raster.bands } as Raster;
}

describe('a receipt in French', () => {
  it('says everything in French, with Latin digits and French typography', async () => {
    await issue('fr');
    const t = await issue('fr'); // one person ahead
    expect(t.lang).toBe('fr');
    const printed = ticketTexts(ticketFacts(hall.app.conn, 1, t, 'http://192.168.1.10:3000'));
    expect(printed).toMatchObject({
      hall: 'Centre de services aux citoyens',
      service: 'Permis de construire',
      numberLabel: 'Votre numéro',
      number: 'B002',
      ahead: '1\u00a0personne avant vous',
      date: 'dimanche 6 décembre 2026',
      time: '10:04',
      scan: 'Scannez le code pour suivre votre tour sur votre téléphone',
      whatToBring: 'Documents à apporter',
      footer: 'Nous respectons votre vie privée\u00a0: ce ticket ne porte aucune donnée personnelle.',
    });
    // No counter is open yet, so no wait is promised (the wait line's French is tested in tests/ui-kit/french.test.ts).
    expect(printed.wait).toBe('Ce service n’a pas encore commencé');
    expect(printed.hijri).toMatch(/1448/);
  });

  it('prints those words: the bytes sent to the printer hold the French lines as drawn alone', async () => {
    const t = await issue('fr');
    const fromBytes = printed(ticketFacts(hall.app.conn, 1, t, 'http://192.168.1.10:3000'));
    expect(drawnAs(fromBytes, 'service', renderLine('Permis de construire', 'fr', 576, 36, true))).toBeLessThan(0.02);
    expect(drawnAs(fromBytes, 'numberLabel', renderLine('Votre numéro', 'fr', 576, 26, false))).toBeLessThan(0.02);
    expect(drawnAs(fromBytes, 'service', renderLine('Building permits', 'en', 576, 36, true))).toBeGreaterThan(0.2);
  });

  it('keeps Arabic for a ticket taken in Arabic in the same hall, and refuses a language the API does not know', async () => {
    const t = await issue('ar');
    expect(ticketTexts(ticketFacts(hall.app.conn, 1, t, 'http://h')).service).toBe('رخص البناء');
    const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: B, lang: 'de' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/lang/);
  });
});

describe('a receipt for a service the hall named without English', () => {
  it('prints the French name in French, and in English too rather than the Arabic, as the bytes show', async () => {
    const rename = await hall.app.inject({
      method: 'PATCH',
      url: `/api/admin/services/${B}`,
      headers: bearer(await hall.login()),
      payload: { name: { ar: 'رخص البناء', fr: 'Permis de construire' } },
    });
    expect(rename.statusCode).toBe(200);
    for (const lang of ['fr', 'en']) {
      const t = await issue(lang);
      const facts = ticketFacts(hall.app.conn, 1, t, 'http://h');
      expect(ticketTexts(facts).service).toBe('Permis de construire');
      const fromBytes = printed(facts);
      expect(drawnAs(fromBytes, 'service', renderLine('Permis de construire', lang as 'fr', 576, 36, true)), lang).toBeLessThan(0.02);
      expect(drawnAs(fromBytes, 'service', renderLine('رخص البناء', 'ar', 576, 36, true)), lang).toBeGreaterThan(0.2);
    }
  });
});

describe('wrapping a French line on the ticket', () => {
  it('never breaks at a no-break space: «estimé : 12–20 min» keeps the colon and «min» with their word', () => {
    const g = createCanvas(1, 1).getContext('2d');
    g.font = '28px sans-serif';
    const text = 'Temps d’attente estimé\u00a0: 12–20\u00a0min';
    for (let width = 40; width <= 600; width += 4) {
      for (const line of wrap(g, text, width)) expect(line, `${width} dots`).not.toMatch(/^(:|min)/);
    }
  });
});
