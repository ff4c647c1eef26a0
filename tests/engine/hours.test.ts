import { describe, expect, it } from 'vitest';
import { localMinuteOfDay, localWeekday } from '../../server/engine/clock.js';
import { isWithinHours, serviceAvailability, type AvailabilityInput, type WeeklyHours } from '../../server/engine/hours.js';

const ZONE = 'Asia/Damascus';
const WORKDAY: [number, number][] = [[8 * 60, 15 * 60]];
/** Sunday to Thursday 08:00–15:00; Friday and Saturday closed. */
const OFFICE: WeeklyHours = { 0: WORKDAY, 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: [], 6: [] };

const at = (over: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  hours: OFFICE,
  enforceHours: true,
  weekday: 0,
  minuteOfDay: 10 * 60,
  issuedToday: 0,
  dailyLimit: null,
  ...over,
});

describe('the local weekday and minute in the hall zone', () => {
  it('follows Damascus, not UTC', () => {
    // Saturday 22:30 UTC is Sunday 01:30 in Damascus.
    const ms = Date.parse('2026-11-28T22:30:00Z');
    expect(localWeekday(ms, ZONE)).toBe(0);
    expect(localMinuteOfDay(ms, ZONE)).toBe(90);
    expect(localWeekday(ms, 'UTC')).toBe(6);
    expect(localWeekday(Date.parse('2026-11-27T09:00:00Z'), ZONE)).toBe(5); // a Friday
  });
});

describe('opening hours', () => {
  it('open from the opening minute up to, not including, the closing minute', () => {
    expect(isWithinHours(OFFICE, 0, 8 * 60 - 1)).toBe(false);
    expect(isWithinHours(OFFICE, 0, 8 * 60)).toBe(true);
    expect(isWithinHours(OFFICE, 4, 15 * 60 - 1)).toBe(true);
    expect(isWithinHours(OFFICE, 4, 15 * 60)).toBe(false);
  });

  it('is closed on a day with no hours or a day left out', () => {
    expect(isWithinHours(OFFICE, 5, 10 * 60)).toBe(false);
    expect(isWithinHours({ 0: WORKDAY }, 3, 10 * 60)).toBe(false);
  });

  it('takes several intervals a day (a midday break) and a whole day', () => {
    const split: WeeklyHours = { 1: [[8 * 60, 12 * 60], [13 * 60, 15 * 60]] };
    expect(isWithinHours(split, 1, 12 * 60 + 30)).toBe(false);
    expect(isWithinHours(split, 1, 13 * 60)).toBe(true);
    expect(isWithinHours({ 2: [[0, 24 * 60]] }, 2, 24 * 60 - 1)).toBe(true);
  });
});

describe('serviceAvailability', () => {
  it('is open within hours and under the limit', () => {
    expect(serviceAvailability(at())).toEqual({ open: true });
    expect(serviceAvailability(at({ dailyLimit: 50, issuedToday: 49 }))).toEqual({ open: true });
  });

  it('is closed outside opening hours', () => {
    expect(serviceAvailability(at({ minuteOfDay: 16 * 60 }))).toEqual({ open: false, reason: 'outside_hours' });
    expect(serviceAvailability(at({ weekday: 5 }))).toEqual({ open: false, reason: 'outside_hours' });
  });

  it('ignores the hours when the hall does not enforce them, but never the daily limit', () => {
    expect(serviceAvailability(at({ enforceHours: false, weekday: 5, minuteOfDay: 23 * 60 }))).toEqual({ open: true });
    expect(serviceAvailability(at({ enforceHours: false, dailyLimit: 3, issuedToday: 3 }))).toEqual({
      open: false,
      reason: 'daily_limit',
    });
  });

  it('is closed once the day has issued its limit', () => {
    expect(serviceAvailability(at({ dailyLimit: 50, issuedToday: 50 }))).toEqual({ open: false, reason: 'daily_limit' });
    expect(serviceAvailability(at({ dailyLimit: 1, issuedToday: 7 }))).toEqual({ open: false, reason: 'daily_limit' });
  });

  it('gives outside hours as the reason when both apply', () => {
    expect(serviceAvailability(at({ minuteOfDay: 7 * 60, dailyLimit: 1, issuedToday: 1 }))).toEqual({
      open: false,
      reason: 'outside_hours',
    });
  });

  it('is closed for the rest of the day once a supervisor closed it, whatever the hours', () => {
    expect(serviceAvailability(at({ closedToday: true }))).toEqual({ open: false, reason: 'closed_today' });
    expect(serviceAvailability(at({ closedToday: true, enforceHours: false }))).toEqual({ open: false, reason: 'closed_today' });
    expect(serviceAvailability(at({ closedToday: false }))).toEqual({ open: true });
  });
});
