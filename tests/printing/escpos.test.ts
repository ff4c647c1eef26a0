import thermal from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { encodeRaster, paperStatus, rasterCommand } from '../../server/printing/encode.js';
import { renderTicket, toPng } from '../../server/printing/render.js';
import { parseEscPos, rasterDot, tickets } from '../helpers/escpos.js';
import { sampleFacts } from './samples.js';

// The bytes of a ticket: initialise, one complete GS v 0 image of the paper's width, feed, cut.

describe('ESC/POS encoding', () => {
  for (const width of [576, 384]) {
    it(`encodes a ${width}-dot ticket as ESC @, one GS v 0 block, feed and GS V`, () => {
      const raster = renderTicket(sampleFacts('ar'), width);
      const commands = parseEscPos(encodeRaster(raster));
      expect(commands.map((c) => c.op)).toEqual(['init', 'raster', 'feed', 'feed', 'cut', 'init']);
      const image = commands[1] as Extract<(typeof commands)[number], { op: 'raster' }>;
      expect(image).toMatchObject({ mode: 0x30, widthBytes: width / 8, height: raster.height });
      expect(image.data.length).toBe((width / 8) * raster.height);
      expect(commands[4]).toEqual({ op: 'cut', mode: 0 });
      expect(tickets(commands)).toHaveLength(1);

      // The image is the raster, dot for dot.
      for (const [x, y] of [[0, 0], [width / 2, raster.bands.find((b) => b.name === 'number')!.top + 40], [width - 1, raster.height - 1]] as const) {
        const i = (y * width + x) * 4;
        expect(rasterDot(image, x, y)).toBe(raster.pixels[i] === 0);
      }
      let ink = 0;
      for (const byte of image.data) ink += byte.toString(2).replaceAll('0', '').length;
      expect(ink).toBeGreaterThan(width * 20);
    });
  }

  it('writes GS v 0 byte for byte as node-thermal-printer does', async () => {
    const raster = renderTicket(sampleFacts('en'), 384);
    const p = new thermal.printer({ type: thermal.types.EPSON, interface: '' });
    const theirs = await p.printImageBuffer(await toPng(raster));
    expect(Buffer.compare(rasterCommand(raster), theirs)).toBe(0);
  });

  it('rejects a stream whose image is cut short, or holds unknown bytes', () => {
    const bytes = encodeRaster(renderTicket(sampleFacts('ar'), 384));
    expect(() => parseEscPos(bytes.subarray(0, 500))).toThrow(/cut short/);
    expect(() => parseEscPos(Buffer.concat([bytes, Buffer.from('x')]))).toThrow(/unexpected byte/);
  });

  it('reads the paper sensor from DLE EOT 4 answers', () => {
    expect(paperStatus(0x12)).toBe('ok');
    expect(paperStatus(0x1e)).toBe('ok'); // near end still prints
    expect(paperStatus(0x72)).toBe('out');
    expect(paperStatus(0x7e)).toBe('out');
    expect(paperStatus(0x00)).toBeNull();
    expect(paperStatus(0xff)).toBeNull();
  });
});
