import { describe, expect, it } from 'vitest';
import { columns, tileStyle } from '../../kiosk-ui/src/tiles.js';

// The menu's grid (kiosk-ui/src/tiles.ts); tests/e2e/kiosk.test.ts measures the drawn boxes.

describe('the menu grid', () => {
  it('fills the rows where the count allows: 4 as 2 × 2, 6 and 9 in threes, 8 and 12 in fours', () => {
    expect([1, 2, 3, 4, 6, 8, 9, 12].map((n) => columns(n, 'landscape'))).toEqual([1, 2, 3, 2, 3, 4, 3, 4]);
    expect([1, 3, 4, 7, 12].map((n) => columns(n, 'portrait'))).toEqual([1, 1, 2, 2, 2]);
  });

  it('starts a short last row half a tile in per missing tile, and leaves the other tiles alone', () => {
    // 7 in landscape, four columns (eight tracks): the last three take tracks 2 to 7. In
    // portrait, two columns: the seventh takes tracks 2 and 3 of four.
    expect(tileStyle(4, 7, 7)).toEqual({ '--start-l': '2' });
    expect(tileStyle(6, 7, 7)).toEqual({ '--start-p': '2' });
    expect(tileStyle(3, 7, 7)).toEqual({});
    expect(tileStyle(0, 4, 4)).toEqual({});
    // One tile (the priority entry) under a grid of 2 columns sits in its middle.
    expect(tileStyle(0, 1, 4)).toEqual({ '--start-p': '2', '--start-l': '2' });
  });
});
