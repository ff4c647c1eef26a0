import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { renderLine, renderTicket, toPng, type Raster } from '../../server/printing/render.js';
import { inkColumns, inkIn, inkRuns, inkShape, shapeDifference } from './ink.js';
import { sampleFacts } from './samples.js';

// The ticket as the printer will print it: the paper's width, pure black and white, every
// line where the layout says, Arabic shaped (joined letters) and laid out right to left.

const band = (r: Raster, name: string) => {
  const b = r.bands.find((x) => x.name === name);
  if (!b) throw new Error(`no band ${name}`);
  return b;
};

describe('ticket raster', () => {
  for (const width of [576, 384]) {
    for (const lang of ['ar', 'en'] as const) {
      it(`is ${width} dots wide and 1-bit (${lang})`, async () => {
        const r = renderTicket(sampleFacts(lang), width);
        expect(r.width).toBe(width);
        expect(r.height).toBeGreaterThan(width); // a ticket, taller than wide
        expect(r.height).toBeLessThan(width * 3);
        expect(r.pixels.length).toBe(width * r.height * 4);
        for (let i = 0; i < r.pixels.length; i += 4) {
          const [red, green, blue, alpha] = [r.pixels[i], r.pixels[i + 1], r.pixels[i + 2], r.pixels[i + 3]];
          if (!((red === 0 || red === 255) && green === red && blue === red && alpha === 255)) {
            throw new Error(`pixel ${i / 4} is rgba(${red}, ${green}, ${blue}, ${alpha})`);
          }
        }
        // The PNG preview is the same picture.
        const image = await loadImage(await toPng(r));
        expect([image.width, image.height]).toEqual([width, r.height]);
        const g = createCanvas(width, r.height).getContext('2d');
        g.drawImage(image, 0, 0);
        expect(Buffer.from(g.getImageData(0, 0, width, r.height).data).equals(Buffer.from(r.pixels))).toBe(true);
      });
    }
  }

  it('puts ink in every band of the layout, in order, and keeps the margins blank', () => {
    const r = renderTicket(sampleFacts('ar', { priority: true }), 576);
    const names = r.bands.map((b) => b.name);
    expect(names).toEqual([
      'hall', 'service', 'numberLabel', 'number', 'priority', 'ahead', 'wait', 'date', 'hijri', 'time', 'qr', 'scan',
      'typeIt', 'address', 'code', 'bring', 'bring.1', 'bring.2', 'bring.3', 'footer',
    ]);
    for (const b of r.bands) {
      expect(b.bottom, b.name).toBeGreaterThan(b.top);
      expect(inkIn(r, b.top, b.bottom), `ink in ${b.name}`).toBeGreaterThan(100);
    }
    for (let i = 1; i < r.bands.length; i++) expect(r.bands[i]!.top).toBeGreaterThanOrEqual(r.bands[i - 1]!.bottom);
    // The number is the largest thing on the ticket.
    const tallest = Math.max(...r.bands.filter((b) => b.name !== 'qr').map((b) => b.bottom - b.top));
    expect(band(r, 'number').bottom - band(r, 'number').top).toBe(tallest);
    expect(inkIn(r, 0, 10)).toBe(0);
    expect(inkIn(r, r.height - 10, r.height)).toBe(0);
    expect(inkIn(r, 0, r.height, 0, 10)).toBe(0);
    expect(inkIn(r, 0, r.height, r.width - 10, r.width)).toBe(0);
  });

  it('draws the hall name exactly as a reference rendering of the same Arabic string', () => {
    const r = renderTicket(sampleFacts('ar'), 576);
    const hall = band(r, 'hall');
    const reference = renderLine('مركز خدمة المواطن', 'ar', 576, 30);
    const line = band(reference, 'line');
    const ticketShape = inkShape(r, hall.top, hall.bottom, 0, r.width - 1);
    const referenceShape = inkShape(reference, line.top, line.bottom, 0, reference.width - 1);
    expect(shapeDifference(ticketShape, referenceShape)).toBeLessThan(0.02);
  });

  it('joins Arabic letters: a word is one stroke, its letters apart are not', () => {
    const joined = renderLine('سلم', 'ar');
    const apart = renderLine('س ل م', 'ar');
    const joinedRuns = inkRuns(inkColumns(joined, band(joined, 'line')));
    const apartRuns = inkRuns(inkColumns(apart, band(apart, 'line')));
    expect(joinedRuns).toHaveLength(1);
    expect(apartRuns.length).toBeGreaterThanOrEqual(3);
  });

  it('lays Arabic out right to left: the first word is the rightmost', () => {
    const words = ['سلم', 'نجم'];
    const phrase = renderLine(words.join(' '), 'ar');
    const line = band(phrase, 'line');
    const runs = inkRuns(inkColumns(phrase, line));
    expect(runs).toHaveLength(2);
    const [left, right] = runs as [[number, number], [number, number]];
    const shapeAt = ([from, to]: [number, number]) => inkShape(phrase, line.top, line.bottom, from, to);
    const alone = (word: string) => {
      const r = renderLine(word, 'ar');
      const b = band(r, 'line');
      return inkShape(r, b.top, b.bottom, 0, r.width - 1);
    };
    // Each word matches its own reference where it stands (up to sub-dot anti-aliasing), and
    // not the other's.
    const [first, second] = [alone(words[0]!), alone(words[1]!)];
    expect(shapeDifference(shapeAt(right), first)).toBeLessThan(0.2);
    expect(shapeDifference(shapeAt(left), second)).toBeLessThan(0.2);
    expect(shapeDifference(shapeAt(right), second)).toBeGreaterThan(0.4);
    expect(shapeDifference(shapeAt(left), first)).toBeGreaterThan(0.4);
  });

  it('lays English out left to right', () => {
    const phrase = renderLine('Hall Seven', 'en');
    const line = band(phrase, 'line');
    const runs = inkRuns(inkColumns(phrase, line));
    const words = runs.filter((r, i) => i === 0 || r[0] - runs[i - 1]![1] > 8); // word starts
    expect(words.length).toBe(2);
    const first = renderLine('Hall', 'en');
    const firstShape = inkShape(first, band(first, 'line').top, band(first, 'line').bottom, 0, first.width - 1);
    const leftShape = inkShape(phrase, line.top, line.bottom, runs[0]![0], words[1]![0] - 1);
    expect(shapeDifference(leftShape, firstShape)).toBeLessThan(0.2);
  });

  /** The ink of a band against the same text drawn alone: 0 when identical. */
  const drawnAs = (r: Raster, name: string, reference: Raster) => {
    const b = band(r, name);
    const line = band(reference, 'line');
    return shapeDifference(inkShape(r, b.top, b.bottom, 0, r.width - 1), inkShape(reference, line.top, line.bottom, 0, reference.width - 1));
  };

  for (const width of [576, 384]) {
    it(`writes the tracking address under the QR code, for a phone that cannot scan (${width} dots)`, () => {
      const facts = sampleFacts('ar');
      const r = renderTicket(facts, width);
      expect(drawnAs(r, 'typeIt', renderLine('أو اكتب هذا العنوان في متصفح هاتفك', 'ar', width, 22, false))).toBeLessThan(0.02);
      expect(drawnAs(r, 'address', renderLine('http://192.168.1.10:3000/t/', 'en', width, 22, false))).toBeLessThan(0.02);
      expect(drawnAs(r, 'code', renderLine('Q2l0aXplblNlcnZpY2VDZW50', 'en', width, 24))).toBeLessThan(0.02);
      // The code fits the paper, margins kept.
      const code = band(r, 'code');
      expect(inkIn(r, code.top, code.bottom, 0, 10)).toBe(0);
      expect(inkIn(r, code.top, code.bottom, r.width - 10, r.width)).toBe(0);
      // Another ticket, another code, though every other line comes from the drawn-text cache.
      const other = renderTicket({ ...facts, trackingUrl: 'http://192.168.1.10:3000/t/AAAAbbbbCCCCddddEEEEffff' }, width);
      expect(drawnAs(other, 'code', renderLine('AAAAbbbbCCCCddddEEEEffff', 'en', width, 24))).toBeLessThan(0.02);
    });
  }

  it("prints the service's papers under «الأوراق المطلوبة», and none when there are none", () => {
    const facts = sampleFacts('ar');
    const r = renderTicket(facts, 576);
    expect(drawnAs(r, 'bring', renderLine('الأوراق المطلوبة', 'ar', 576, 26))).toBeLessThan(0.02);
    facts.whatToBring.forEach((item, i) => {
      expect(drawnAs(r, `bring.${i + 1}`, renderLine(`• ${item}`, 'ar', 576, 22, false)), item).toBeLessThan(0.02);
    });
    const none = renderTicket(sampleFacts('ar', { whatToBring: [] }), 576);
    expect(none.bands.filter((b) => b.name.startsWith('bring'))).toEqual([]);
  });

  it('says the service has not started, not a wait, when no counter serves it', () => {
    const r = renderTicket(sampleFacts('ar', { ahead: 1, estimatedWaitMinutes: 0, notStarted: { opensAt: null } }), 576);
    expect(drawnAs(r, 'wait', renderLine('الخدمة لم تبدأ بعد', 'ar', 576, 28, false))).toBeLessThan(0.02);
    expect(drawnAs(r, 'wait', renderLine('الانتظار المتوقع: أقل من دقيقة', 'ar', 576, 28, false))).toBeGreaterThan(0.3);
    const opens = renderTicket(sampleFacts('en', { notStarted: { opensAt: '08:00' } }), 576);
    expect(drawnAs(opens, 'wait', renderLine('Service not started yet: it starts at 08:00', 'en', 576, 28, false))).toBeLessThan(0.02);
  });

  it("writes an Arabic-lettered number's digits as the hall says: Arabic-Indic or Latin", () => {
    const arab = renderTicket(sampleFacts('ar', { digits: 'arab', number: 'ب007' }), 576);
    const latn = renderTicket(sampleFacts('ar', { digits: 'latn', number: 'ب007' }), 576);
    const number = (r: Raster) => inkShape(r, band(r, 'number').top, band(r, 'number').bottom, 0, r.width - 1);
    expect(shapeDifference(number(arab), number(latn))).toBeGreaterThan(0.3);
  });
});
