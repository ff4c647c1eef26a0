import type { Band, Raster } from '../../server/printing/render.js';

// Reading ink back out of a raster: where it is, and what shape it has.

const isInk = (r: Raster, x: number, y: number) => r.pixels[(y * r.width + x) * 4] === 0;

export function inkIn(r: Raster, top = 0, bottom = r.height, left = 0, right = r.width): number {
  let n = 0;
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) if (isInk(r, x, y)) n++;
  return n;
}

/** Which columns of a strip hold ink. */
export function inkColumns(r: Raster, band: Pick<Band, 'top' | 'bottom'>): boolean[] {
  const cols: boolean[] = [];
  for (let x = 0; x < r.width; x++) {
    let any = false;
    for (let y = band.top; y < band.bottom && !any; y++) any = isInk(r, x, y);
    cols.push(any);
  }
  return cols;
}

/** Runs of inked columns, left to right, as [first, last]. */
export function inkRuns(cols: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  cols.forEach((ink, x) => {
    if (!ink) return;
    const last = runs.at(-1);
    if (last && last[1] === x - 1) last[1] = x;
    else runs.push([x, x]);
  });
  return runs;
}

/** The ink of a region cropped to its bounding box, as rows of 0/1. */
export function inkShape(r: Raster, top: number, bottom: number, left: number, right: number): number[][] {
  let [t, b, l, rt] = [bottom, top - 1, right, left - 1];
  for (let y = top; y < bottom; y++) {
    for (let x = left; x <= right; x++) {
      if (!isInk(r, x, y)) continue;
      t = Math.min(t, y);
      b = Math.max(b, y);
      l = Math.min(l, x);
      rt = Math.max(rt, x);
    }
  }
  const shape: number[][] = [];
  for (let y = t; y <= b; y++) {
    const row: number[] = [];
    for (let x = l; x <= rt; x++) row.push(isInk(r, x, y) ? 1 : 0);
    shape.push(row);
  }
  return shape;
}

/**
 * Share of the two shapes' ink that differs, laid over each other at their top-left corners,
 * allowing a shift of a dot either way (glyphs land on sub-dot positions).
 */
export function shapeDifference(a: number[][], b: number[][]): number {
  let best = 1;
  for (const dy of [-1, 0, 1]) for (const dx of [-1, 0, 1]) best = Math.min(best, differenceAt(a, b, dx, dy));
  return best;
}

function differenceAt(a: number[][], b: number[][], dx: number, dy: number): number {
  const h = Math.max(a.length, b.length) + 1;
  const w = Math.max(a[0]?.length ?? 0, b[0]?.length ?? 0) + 1;
  let differ = 0;
  let ink = 0;
  for (let y = -1; y < h; y++) {
    for (let x = -1; x < w; x++) {
      const p = a[y]?.[x] ?? 0;
      const q = b[y + dy]?.[x + dx] ?? 0;
      if (p || q) ink++;
      if (p !== q) differ++;
    }
  }
  return ink === 0 ? 1 : differ / ink;
}
