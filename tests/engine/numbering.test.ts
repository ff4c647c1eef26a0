import { describe, it, expect } from 'vitest';
import { ticketNumber, ticketsToCloseAtRollover } from '../../server/engine/numbering.js';
import { businessDay, isoInZone, zoneOffsetMinutes } from '../../server/engine/clock.js';

const ZONE = 'Asia/Damascus'; // UTC+3 all year since 2022

describe('ticketNumber', () => {
  it('pads the sequence to three digits', () => {
    expect(ticketNumber('B', 7)).toBe('B007');
    expect(ticketNumber('A', 42)).toBe('A042');
    expect(ticketNumber('C', 999)).toBe('C999');
  });

  it('keeps every digit from 1000 on', () => {
    expect(ticketNumber('B', 1000)).toBe('B1000');
    expect(ticketNumber('B', 12345)).toBe('B12345');
  });
});

describe('the business day in the hall zone', () => {
  it('turns at local midnight, not at UTC midnight', () => {
    expect(businessDay(Date.parse('2026-11-27T20:59:59Z'), ZONE)).toBe('2026-11-27');
    expect(businessDay(Date.parse('2026-11-27T21:00:00Z'), ZONE)).toBe('2026-11-28');
    expect(businessDay(Date.parse('2026-11-28T00:00:00Z'), ZONE)).toBe('2026-11-28');
  });

  it('is UTC+3 in winter and in summer', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), ZONE)).toBe(180);
    expect(zoneOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), ZONE)).toBe(180);
  });

  it('writes instants with the +03:00 offset', () => {
    expect(isoInZone(Date.parse('2026-11-27T20:59:59Z'), ZONE)).toBe('2026-11-27T23:59:59.000+03:00');
    expect(isoInZone(Date.parse('2026-11-27T21:04:05Z'), ZONE)).toBe('2026-11-28T00:04:05.000+03:00');
  });
});

describe('ticketsToCloseAtRollover', () => {
  const tickets = [
    { id: 1, status: 'waiting', day: '2026-11-27' },
    { id: 2, status: 'called', day: '2026-11-27' },
    { id: 3, status: 'serving', day: '2026-11-27' },
    { id: 4, status: 'done', day: '2026-11-27' },
    { id: 5, status: 'waiting', day: '2026-11-28' },
    { id: 6, status: 'waiting', day: '2026-11-26' },
  ];

  it("cancels only waiting tickets of past days, leaving clerks' tickets alone", () => {
    expect(ticketsToCloseAtRollover(tickets, '2026-11-28', false).map((t) => t.id)).toEqual([1, 6]);
  });

  it('closes nothing when the hall carries waiting tickets over', () => {
    expect(ticketsToCloseAtRollover(tickets, '2026-11-28', true)).toEqual([]);
  });
});
