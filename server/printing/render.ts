import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { font, registerFonts } from './fonts.js';
import { ticketTexts, type Lang, type TicketFacts } from './texts.js';

// canvas → 1-bit raster. The layout is drawn for 80 mm paper (576 dots) and scaled for 58 mm
// (384 dots); the result is thresholded to pure black and white, as the printer will print it.

export const PAPER_WIDTHS = [384, 576] as const;

/** A named horizontal strip of the ticket (top inclusive, bottom exclusive), for tests and tooling. */
export interface Band {
  name: string;
  top: number;
  bottom: number;
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, every pixel pure black or pure white and opaque. */
  pixels: Uint8ClampedArray;
  bands: Band[];
}

const MAX_HEIGHT = 2400;
const MIN_TEXT_PX = 21;
const INK_BELOW = 160;

/** Greedy word wrap by measured width; a word wider than the line stands alone. */
function wrap(g: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && g.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

export class Layout {
  y: number;
  readonly bands: Band[] = [];

  constructor(
    readonly g: SKRSContext2D,
    readonly width: number,
    readonly scale: number,
    readonly margin: number,
  ) {
    this.y = margin;
  }

  /** Centred lines of text, wrapped to the paper, in the direction of their language. */
  text(name: string, text: string, px: number, lang: Lang, bold = false, maxLines = 3): void {
    const { g } = this;
    // Small text keeps its size on narrow paper: thinner strokes would not survive the 1-bit cut.
    const size = Math.max(px * this.scale, Math.min(px, MIN_TEXT_PX));
    g.font = font(size, lang, bold);
    g.direction = lang === 'ar' ? 'rtl' : 'ltr';
    g.textAlign = 'center';
    g.textBaseline = 'alphabetic';
    const top = this.y;
    for (const line of wrap(g, text, this.width - 2 * this.margin).slice(0, maxLines)) {
      const m = g.measureText(line);
      const ascent = Math.max(m.fontBoundingBoxAscent, m.actualBoundingBoxAscent);
      const descent = Math.max(m.fontBoundingBoxDescent, m.actualBoundingBoxDescent);
      g.fillText(line, this.width / 2, this.y + ascent);
      this.y += Math.ceil(ascent + descent);
    }
    this.bands.push({ name, top, bottom: this.y });
  }

  /** The ticket number: as large as the paper allows, always left to right like on the displays. */
  number(text: string): void {
    const { g } = this;
    let size = 190 * this.scale;
    g.direction = 'ltr';
    g.textAlign = 'center';
    g.font = font(size, 'en', true);
    const room = this.width - 2 * this.margin;
    while (g.measureText(text).width > room && size > 40) {
      size -= 4 * this.scale;
      g.font = font(size, 'en', true);
    }
    const m = g.measureText(text);
    const top = this.y;
    // Tight to the ink: digits have no descenders, so the font's line box would waste paper.
    g.fillText(text, this.width / 2, this.y + m.actualBoundingBoxAscent);
    this.y += Math.ceil(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
    this.bands.push({ name: 'number', top, bottom: this.y });
  }

  qr(url: string): void {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const dot = Math.max(2, Math.floor((200 * this.scale) / modules.size));
    const side = dot * modules.size;
    const x0 = Math.floor((this.width - side) / 2);
    const top = this.y;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        if (modules.get(r, c)) this.g.fillRect(x0 + c * dot, top + r * dot, dot, dot);
      }
    }
    this.y += side;
    this.bands.push({ name: 'qr', top, bottom: this.y });
  }

  rule(): void {
    this.gap(10);
    this.g.fillRect(this.margin, this.y, this.width - 2 * this.margin, Math.max(2, Math.round(2 * this.scale)));
    this.y += Math.max(2, Math.round(2 * this.scale));
    this.gap(10);
  }

  gap(px: number): void {
    this.y += Math.round(px * this.scale);
  }
}

/**
 * Keeps only pure black and white: what a thermal head prints is what this returns. Grey counts
 * as ink a little past the middle, so that the thin strokes of Naskh survive.
 */
function threshold(pixels: Uint8ClampedArray): void {
  for (let i = 0; i < pixels.length; i += 4) {
    const luma = 0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]!;
    const v = luma < INK_BELOW ? 0 : 255;
    pixels[i] = pixels[i + 1] = pixels[i + 2] = v;
    pixels[i + 3] = 255;
  }
}

/** Draws with `draw` on a page of the paper's width, then crops and thresholds it. */
export function renderPage(width: number, draw: (layout: Layout) => void): Raster {
  if (!(PAPER_WIDTHS as readonly number[]).includes(width)) throw new Error(`printing: paper width ${width} is not 384 or 576`);
  registerFonts();
  const scale = width / 576;
  const page = createCanvas(width, Math.round(MAX_HEIGHT * scale));
  const g = page.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, page.width, page.height);
  g.fillStyle = '#000';
  const layout = new Layout(g, width, scale, Math.round(24 * scale));
  draw(layout);
  const height = Math.min(page.height, layout.y + layout.margin);
  const image = g.getImageData(0, 0, width, height);
  threshold(image.data);
  return { width, height, pixels: image.data, bands: layout.bands };
}

export function toPng(raster: Raster): Promise<Buffer> {
  const canvas = createCanvas(raster.width, raster.height);
  const g = canvas.getContext('2d');
  const image = g.createImageData(raster.width, raster.height);
  image.data.set(raster.pixels);
  g.putImageData(image, 0, 0);
  return canvas.encode('png');
}

/** The citizen's ticket. */
export function renderTicket(facts: TicketFacts, width: number): Raster {
  const t = ticketTexts(facts);
  const lang = facts.lang;
  return renderPage(width, (l) => {
    l.text('hall', t.hall, 30, lang, true, 2);
    l.rule();
    l.text('service', t.service, 36, lang, true, 2);
    l.gap(8);
    l.text('numberLabel', t.numberLabel, 26, lang);
    l.gap(6);
    l.number(t.number);
    l.gap(10);
    if (t.priority) l.text('priority', t.priority, 28, lang, true, 1);
    l.text('ahead', t.ahead, 28, lang, false, 2);
    l.text('wait', t.wait, 28, lang, false, 2);
    l.rule();
    l.text('date', t.date, 24, lang, false, 2);
    l.text('hijri', t.hijri, 24, lang, false, 1);
    l.text('time', t.time, 30, lang, true, 1);
    l.gap(14);
    l.qr(facts.trackingUrl);
    l.gap(4);
    l.text('scan', t.scan, 22, lang, false, 2);
    if (t.footer.trim()) {
      l.rule();
      l.text('footer', t.footer, 22, lang, false, 4);
    }
  });
}

/** One line of text alone, as the ticket draws it: the reference for the tests' RTL checks. */
export function renderLine(text: string, lang: Lang, width = 576, px = 40): Raster {
  return renderPage(width, (l) => l.text('line', text, px, lang, true, 1));
}
