import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes, zoneParts } from '../../server/engine/clock.js';

// zoneParts keeps each zone's offset for the last minute asked; it must still agree with Intl
// everywhere, across daylight-saving changes and zones with odd offsets.

const ZONES = ['Asia/Damascus', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

function intl(ms: number, timeZone: string): Record<string, number> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

describe('zoneParts', () => {
  it('agrees with Intl at any instant of 2000–2040 in any zone, asked in any order', () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 59_999 }), (ms, zone, later) => {
        expect(zoneParts(ms, zone)).toEqual(intl(ms, zone));
        // The same minute again (the kept offset), then a moment later in it.
        const sameMinute = Math.floor(ms / 60000) * 60000 + later;
        expect(zoneParts(sameMinute, zone)).toEqual(intl(sameMinute, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows Damascus over the night it put its clocks forward (2022-03-25, 00:00 → 01:00)', () => {
    const before = Date.UTC(2022, 2, 24, 21, 59, 30); // 23:59:30 at +02:00
    const after = Date.UTC(2022, 2, 24, 22, 0, 30); // 01:00:30 at +03:00
    expect(zoneOffsetMinutes(before, 'Asia/Damascus')).toBe(120);
    expect(zoneParts(before, 'Asia/Damascus')).toMatchObject({ day: 24, hour: 23, minute: 59, second: 30 });
    expect(zoneOffsetMinutes(after, 'Asia/Damascus')).toBe(180);
    expect(zoneParts(after, 'Asia/Damascus')).toMatchObject({ day: 25, hour: 1, minute: 0, second: 30 });
  });
});
