import thermal from 'node-thermal-printer';
import type { Raster } from './render.js';

// ESC/POS with node-thermal-printer (Epson command set, which nearly every kiosk printer
// speaks): initialise, the ticket as one raster image (GS v 0), feed, cut.

const { printer: ThermalPrinter, types: PrinterTypes } = thermal;

const ESC_INIT = Buffer.from([0x1b, 0x40]);

/**
 * GS v 0, exactly as node-thermal-printer's printImageBuffer writes it (a test holds them
 * byte-identical). Its own path decodes a PNG and makes an object per pixel: 100–200 ms of the
 * server's event loop per ticket; packing the already 1-bit raster here takes a millisecond.
 */
export function rasterCommand({ width, height, pixels }: Pick<Raster, 'width' | 'height' | 'pixels'>): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const out = Buffer.alloc(8 + rowBytes * height);
  out.set([0x1d, 0x76, 0x30, 0x30, rowBytes & 0xff, (rowBytes >> 8) & 0xff, height & 0xff, (height >> 8) & 0xff]);
  let o = 8;
  for (let y = 0; y < height; y++) {
    for (let xb = 0; xb < rowBytes; xb++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = xb * 8 + bit;
        const i = (y * width + x) * 4;
        // Black and opaque is ink, as in node-thermal-printer (a pixel past the edge is blank).
        if (x < width && pixels[i + 3]! > 126 && 0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]! < 128) {
          byte |= 0x80 >> bit;
        }
      }
      out[o++] = byte;
    }
  }
  return out;
}

/** The bytes of one ticket. */
export function encodeRaster(raster: Pick<Raster, 'width' | 'height' | 'pixels'>): Buffer {
  // No interface: this only builds bytes; the transports deliver them.
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  p.clear();
  p.append(ESC_INIT);
  p.append(rasterCommand(raster));
  p.cut(); // ESC d 4 twice (feed the ticket past the cutter), GS V 0, then ESC @ again
  return Buffer.from(p.getBuffer());
}

/** DLE EOT 4: real-time status of the roll paper sensor. */
export const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);

/**
 * The printer's answer to DLE EOT 4: bits 5 and 6 are set when the roll is out (bits 2 and 3,
 * "near end", still print). Null when the byte is no status byte (bits 1 and 4 are always set,
 * 0 and 7 never): some printers echo or answer nothing useful.
 */
export function paperStatus(byte: number): 'ok' | 'out' | null {
  if ((byte & 0x93) !== 0x12) return null;
  return (byte & 0x60) === 0x60 ? 'out' : 'ok';
}
