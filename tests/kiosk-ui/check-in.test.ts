import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../ui-kit/appointments.js';
import { refusedBecause } from '../../kiosk-ui/src/appointment/check-in.js';

// What the kiosk tells a citizen whose code was refused at check-in (409): the booking's status
// and the hall's clock decide between "come back later" and "take an ordinary ticket now".

const at = (status: Appointment['status']): Appointment => ({ code: '48213507', serviceId: 1, start: '2026-12-08T08:40:00.000Z', status });
const slot = Date.parse('2026-12-08T08:40:00.000Z');

describe('a refused check-in', () => {
  it('is too early before the slot and too late after it', () => {
    expect(refusedBecause(at('booked'), slot - 61 * 60_000)).toBe('early');
    expect(refusedBecause(at('booked'), slot + 16 * 60_000)).toBe('late');
  });

  it('is too late for a no-show, whatever the clock says', () => {
    expect(refusedBecause(at('no_show'), slot - 60_000)).toBe('late');
  });

  it('says a cancelled booking is cancelled and a used one used', () => {
    expect(refusedBecause(at('cancelled'), slot)).toBe('cancelled');
    expect(refusedBecause(at('checked_in'), slot)).toBe('used');
    expect(refusedBecause(at('done'), slot)).toBe('used');
  });
});
