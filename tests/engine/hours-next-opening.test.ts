import { describe, expect, it } from 'vitest';
import { minutesUntilOpen } from '../../server/engine/hours.js';

// Sunday–Thursday 08:00–14:00, Thursday also 16:00–18:00; Friday and Saturday closed.
const hours = { '0': [[480, 840]], '1': [[480, 840]], '2': [[480, 840]], '3': [[480, 840]], '4': [[480, 840], [960, 1080]] } as Record<string, [number, number][]>;

describe('minutesUntilOpen', () => {
  it('is 0 while open, and the minutes to the opening before it', () => {
    expect(minutesUntilOpen(hours, 1, 600)).toBe(0);
    expect(minutesUntilOpen(hours, 1, 420)).toBe(60);
  });
  it('finds a later interval the same day, then the next day with hours', () => {
    expect(minutesUntilOpen(hours, 4, 900)).toBe(60);
    // Thursday 19:00 → Sunday 08:00: 5 h to midnight, two closed days, 8 h.
    expect(minutesUntilOpen(hours, 4, 1140)).toBe(300 + 2 * 1440 + 480);
  });
  it('skips today on a day the hall is closed', () => {
    expect(minutesUntilOpen(hours, 1, 420, true)).toBe(1440 - 420 + 480);
  });
  it('is null for hours that never open', () => {
    expect(minutesUntilOpen({}, 3, 0)).toBeNull();
  });
});
