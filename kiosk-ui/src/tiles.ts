// How the menu lays its tiles out: the columns for each orientation, and a short last row
// centred, so that no count of services leaves a hole. The grid has two tracks per column and a
// tile spans two: a last row short by k tiles starts k tracks in, which is exactly the middle.

export type Orientation = 'portrait' | 'landscape';

/** Columns for n tiles: full rows where n allows (4 as 2 × 2, 6 as 3 × 2, 9 as 3 × 3). */
export function columns(n: number, orientation: Orientation): number {
  if (orientation === 'portrait') return n <= 3 ? 1 : n <= 12 ? 2 : 3;
  if (n <= 3) return Math.max(n, 1);
  if (n === 4) return 2;
  return n <= 6 || n === 9 ? 3 : 4;
}

const ORIENTATIONS = { p: 'portrait', l: 'landscape' } as const;

/** The grid's columns in both orientations; kiosk.css picks one by media query. */
export function gridStyle(n: number): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [o, orientation] of Object.entries(ORIENTATIONS)) style[`--cols-${o}`] = String(columns(n, orientation));
  return style;
}

/**
 * The start track of tile i of `count` on a grid laid out for n tiles, if it leads a short last
 * row; nothing for the others.
 */
export function tileStyle(i: number, count: number, n: number): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [o, orientation] of Object.entries(ORIENTATIONS)) {
    const cols = columns(n, orientation);
    const short = count % cols;
    if (short && i === count - short) style[`--start-${o}`] = String(cols - short + 1);
  }
  return style;
}
