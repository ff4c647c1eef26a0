import type { Page } from 'playwright-core';

// WCAG contrast of the texts a page shows, measured in the page itself: each visible text node's
// colour against the first background behind it that is more than half opaque (white if none).

export interface ContrastOptions {
  /** Only the texts inside the first element this selector matches (default: the whole body). */
  root?: string;
  /** Texts whose element matches this selector are not measured. */
  skip?: string;
  /** Also measure texts under `visibility: hidden` (they still have boxes). */
  includeHidden?: boolean;
}

/** How many texts were measured, and those below 4.5:1 as `text (ratio)`. */
export function measureContrast(page: Page, opts: ContrastOptions = {}): Promise<{ checked: number; out: string[] }> {
  return page.evaluate(({ root, skip, includeHidden }) => {
    const rgba = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3]! > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const out: string[] = [];
    let checked = 0;
    const walker = document.createTreeWalker(root ? document.querySelector(root)! : document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!.trim();
      const el = n.parentElement!;
      if (!text || el.getClientRects().length === 0) continue;
      if (!includeHidden && getComputedStyle(el).visibility === 'hidden') continue;
      if (skip && el.matches(skip)) continue;
      const fg = luminance(rgba(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      checked++;
      if (ratio < 4.5) out.push(`${text} (${ratio.toFixed(2)})`);
    }
    return { checked, out };
  }, { root: opts.root, skip: opts.skip, includeHidden: opts.includeHidden ?? false });
}
