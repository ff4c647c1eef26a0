import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { font, registerFonts } from './fonts.js';
import { ticketTexts, type Lang, type TicketFacts } from './texts.js';

// Strips of 1-bit rows → one raster. The layout is drawn for 80 mm paper (576 dots) and scaled
// for 58 mm (384 dots); each piece is thresholded to pure black and white, as the printer will
// print it. A line of text is drawn once and kept: what every ticket of a service shares (the
// hall, the service, the footer, the day's dates, the usual counts) costs nothing after the first;
// each ticket draws only its number, its QR code and its tracking code.

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
  /** The dots, a row after the other, 8 to a byte, the leftmost in the high bit (as GS v 0 takes them). */
  bits: Uint8Array;
  /** RGBA, every pixel pure black or pure white and opaque (made from `bits` when first read). */
  readonly pixels: Uint8ClampedArray;
  bands: Band[];
}

/** Drawn rows: `top` is where they start relative to the line's top (a little above, for ink that overshoots). */
interface Strip {
  top: number;
  height: number;
  bits: Uint8Array;
}

const MAX_HEIGHT = 2400;
const MIN_TEXT_PX = 21;
const INK_BELOW = 160;
/** Room drawn around a line for strokes that reach past its box. */
const BLEED = 8;

/** Greedy word wrap by measured width; a word wider than the line stands alone. No-break spaces (French « :») hold. */
export function wrap(g: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[^\S\u00a0\u202f]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && g.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

let measuring: SKRSContext2D | undefined;
const measure = () => (measuring ??= createCanvas(1, 1).getContext('2d'));

/** Draws `height` rows with `draw` (and BLEED rows around them), thresholded and packed. */
function drawStrip(width: number, height: number, draw: (g: SKRSContext2D) => void): Strip {
  const canvas = createCanvas(width, height + 2 * BLEED);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#000';
  g.translate(0, BLEED);
  draw(g);
  return { top: -BLEED, height: canvas.height, bits: pack(g.getImageData(0, 0, width, canvas.height).data, width) };
}

/**
 * Keeps only pure black and white, 8 dots to a byte: what a thermal head prints is what this
 * returns. Grey counts as ink a little past the middle, so that the thin strokes of Naskh survive.
 */
function pack(rgba: Uint8ClampedArray, width: number): Uint8Array {
  const rowBytes = width / 8;
  const bits = new Uint8Array((rgba.length / 4 / width) * rowBytes);
  for (let p = 0, i = 0; i < rgba.length; p++, i += 4) {
    if (0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]! < INK_BELOW) bits[p >> 3]! |= 0x80 >> (p & 7);
  }
  return bits;
}

/** Lines of text as drawn, by everything that shapes them; emptied when it grows past a day's worth. */
const drawnText = new Map<string, { advance: number; strip: Strip }>();
const DRAWN_TEXT_MAX = 2000;

/** Forgets every line drawn so far: the next ticket is drawn from nothing (the reference in tests). */
export function forgetDrawnText(): void {
  drawnText.clear();
}

export class Layout {
  y: number;
  readonly bands: Band[] = [];
  readonly strips: { y: number; strip: Strip }[] = [];

  constructor(
    readonly width: number,
    readonly scale: number,
    readonly margin: number,
  ) {
    this.y = margin;
  }

  /** Centred lines of text, wrapped to the paper, in the direction of their language. */
  text(name: string, text: string, px: number, lang: Lang, bold = false, maxLines = 3): void {
    const key = [this.width, px, lang, bold, maxLines, text].join('\u0000');
    let drawn = drawnText.get(key);
    if (!drawn) {
      if (drawnText.size >= DRAWN_TEXT_MAX) drawnText.clear();
      drawnText.set(key, (drawn = this.drawText(text, px, lang, bold, maxLines)));
    }
    this.place(name, drawn.advance, drawn.strip);
  }

  /** A line that only this ticket prints (its tracking code), drawn without keeping it. */
  textOnce(name: string, text: string, px: number, lang: Lang, bold = false): void {
    const drawn = this.drawText(text, px, lang, bold, 1);
    this.place(name, drawn.advance, drawn.strip);
  }

  private drawText(text: string, px: number, lang: Lang, bold: boolean, maxLines: number) {
    // Small text keeps its size on narrow paper: thinner strokes would not survive the 1-bit cut.
    const size = Math.max(px * this.scale, Math.min(px, MIN_TEXT_PX));
    const style = (g: SKRSContext2D) => {
      g.font = font(size, lang, bold);
      g.direction = lang === 'ar' ? 'rtl' : 'ltr';
      g.textAlign = 'center';
      g.textBaseline = 'alphabetic';
    };
    const m = measure();
    style(m);
    let advance = 0;
    const lines = wrap(m, text, this.width - 2 * this.margin)
      .slice(0, maxLines)
      .map((line) => {
        const box = m.measureText(line);
        const ascent = Math.max(box.fontBoundingBoxAscent, box.actualBoundingBoxAscent);
        const descent = Math.max(box.fontBoundingBoxDescent, box.actualBoundingBoxDescent);
        const at = { line, baseline: advance + ascent };
        advance += Math.ceil(ascent + descent);
        return at;
      });
    const strip = drawStrip(this.width, advance, (g) => {
      style(g);
      for (const { line, baseline } of lines) g.fillText(line, this.width / 2, baseline);
    });
    return { advance, strip };
  }

  /** The ticket number: as large as the paper allows, always left to right like on the displays. */
  number(text: string): void {
    const m = measure();
    let size = 190 * this.scale;
    m.font = font(size, 'en', true);
    const room = this.width - 2 * this.margin;
    while (m.measureText(text).width > room && size > 40) {
      size -= 4 * this.scale;
      m.font = font(size, 'en', true);
    }
    const box = m.measureText(text);
    // Tight to the ink: digits have no descenders, so the font's line box would waste paper.
    const advance = Math.ceil(box.actualBoundingBoxAscent + box.actualBoundingBoxDescent);
    const strip = drawStrip(this.width, advance, (g) => {
      g.direction = 'ltr';
      g.textAlign = 'center';
      g.font = font(size, 'en', true);
      g.fillText(text, this.width / 2, box.actualBoundingBoxAscent);
    });
    this.place('number', advance, strip);
  }

  qr(url: string): void {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const dot = Math.max(2, Math.floor((200 * this.scale) / modules.size));
    const side = dot * modules.size;
    const x0 = Math.floor((this.width - side) / 2);
    const strip = this.blank(side);
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        if (modules.get(r, c)) fill(strip, this.width, x0 + c * dot, r * dot, dot, dot);
      }
    }
    this.place('qr', side, strip);
  }

  rule(): void {
    this.gap(10);
    const thick = Math.max(2, Math.round(2 * this.scale));
    const strip = this.blank(thick);
    fill(strip, this.width, this.margin, 0, this.width - 2 * this.margin, thick);
    this.strips.push({ y: this.y, strip });
    this.y += thick;
    this.gap(10);
  }

  gap(px: number): void {
    this.y += Math.round(px * this.scale);
  }

  private blank(height: number): Strip {
    return { top: 0, height, bits: new Uint8Array((this.width / 8) * height) };
  }

  private place(name: string, advance: number, strip: Strip): void {
    this.strips.push({ y: this.y, strip });
    this.bands.push({ name, top: this.y, bottom: this.y + advance });
    this.y += advance;
  }
}

/** Inks a rectangle of whole dots into a strip. */
function fill(strip: Strip, width: number, x: number, y: number, w: number, h: number): void {
  const rowBytes = width / 8;
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) strip.bits[row * rowBytes + (col >> 3)]! |= 0x80 >> (col & 7);
  }
}

/** Draws with `draw` on a page of the paper's width, then stacks its strips, cropped to what was drawn. */
export function renderPage(width: number, draw: (layout: Layout) => void): Raster {
  if (!(PAPER_WIDTHS as readonly number[]).includes(width)) throw new Error(`printing: paper width ${width} is not 384 or 576`);
  registerFonts();
  const scale = width / 576;
  const layout = new Layout(width, scale, Math.round(24 * scale));
  draw(layout);
  const height = Math.min(Math.round(MAX_HEIGHT * scale), layout.y + layout.margin);
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * height);
  for (const { y, strip } of layout.strips) {
    const first = Math.max(0, -(y + strip.top));
    const last = Math.min(strip.height, height - (y + strip.top));
    for (let row = first; row < last; row++) {
      const from = row * rowBytes;
      const to = (y + strip.top + row) * rowBytes;
      for (let b = 0; b < rowBytes; b++) bits[to + b]! |= strip.bits[from + b]!;
    }
  }
  return raster(width, height, bits, layout.bands);
}

function raster(width: number, height: number, bits: Uint8Array, bands: Band[]): Raster {
  let pixels: Uint8ClampedArray | undefined;
  return {
    width,
    height,
    bits,
    bands,
    get pixels() {
      if (!pixels) {
        pixels = new Uint8ClampedArray(width * height * 4).fill(255);
        for (let p = 0; p < width * height; p++) {
          if (bits[p >> 3]! & (0x80 >> (p & 7))) pixels[p * 4] = pixels[p * 4 + 1] = pixels[p * 4 + 2] = 0;
        }
      }
      return pixels;
    },
  };
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
    if (t.appointment) l.text('appointment', t.appointment, 28, lang, true, 1);
    l.text('ahead', t.ahead, 28, lang, false, 2);
    if (t.wait) l.text('wait', t.wait, 28, lang, false, 2);
    l.rule();
    l.text('date', t.date, 24, lang, false, 2);
    l.text('hijri', t.hijri, 24, lang, false, 1);
    l.text('time', t.time, 30, lang, true, 1);
    l.gap(14);
    l.qr(facts.trackingUrl);
    l.gap(4);
    l.text('scan', t.scan, 22, lang, false, 2);
    l.gap(6);
    l.text('typeIt', t.typeIt, 22, lang, false, 2);
    l.text('address', t.address[0], 22, 'en', false, 1);
    l.textOnce('code', t.address[1], 24, 'en', true);
    if (t.whatToBring) {
      l.rule();
      l.text('bring', t.whatToBring, 26, lang, true, 1);
      facts.whatToBring.forEach((item, i) => l.text(`bring.${i + 1}`, `• ${item}`, 22, lang, false, 3));
    }
    if (t.footer.trim()) {
      l.rule();
      l.text('footer', t.footer, 22, lang, false, 4);
    }
  });
}

/** One line of text alone, as the ticket draws it: the reference for the tests' RTL checks. */
export function renderLine(text: string, lang: Lang, width = 576, px = 40, bold = true): Raster {
  return renderPage(width, (l) => l.text('line', text, px, lang, bold, 1));
}
