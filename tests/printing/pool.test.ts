import { describe, expect, it } from 'vitest';
import { encodeRaster } from '../../server/printing/encode.js';
import { RenderPool } from '../../server/printing/pool.js';
import { forgetDrawnText, renderTicket } from '../../server/printing/render.js';
import { sampleFacts } from './samples.js';

// Tickets drawn on the render pool's threads, with the lines they share kept from one ticket to
// the next, are the very bytes the direct path draws from nothing.

describe('render pool', () => {
  it('draws the same bytes as the direct path, ticket after ticket of a service', async () => {
    const pool = new RenderPool();
    try {
      const tickets = [576, 384].flatMap((width) =>
        (['ar', 'en'] as const).flatMap((lang) =>
          [0, 1, 2, 11].map((i) => ({
            width,
            facts: sampleFacts(lang, { number: `B${String(7 + i).padStart(3, '0')}`, ahead: i, priority: i === 2, estimatedWaitMinutes: i === 11 ? null : 5 * i, trackingUrl: `http://192.168.1.10:3000/t/code${i}` }),
          })),
        ),
      );
      const pooled = await Promise.all(tickets.map((t) => pool.ticket(t.facts, t.width)));
      tickets.forEach((t, i) => {
        forgetDrawnText();
        expect(pooled[i]!.equals(encodeRaster(renderTicket(t.facts, t.width))), `${t.width} ${t.facts.lang} ${t.facts.number}`).toBe(true);
      });
    } finally {
      await pool.close();
    }
  });
});
