import thermal from 'node-thermal-printer';
import type { Raster } from './render.js';

// ESC/POS with node-thermal-printer (Epson command set, which nearly every kiosk printer
// speaks): initialise, the ticket as one raster image (GS v 0), feed, cut.

const { printer: ThermalPrinter, types: PrinterTypes } = thermal;

const ESC_INIT = Buffer.from([0x1b, 0x40]);

/**
 * GS v 0, exactly as node-thermal-printer's printImageBuffer writes it (a test holds them
 * byte-identical). Its own path decodes a PNG and makes an object per pixel: 100–200 ms of the
 * server's event loop per ticket; the raster's rows are already the 1-bit rows GS v 0 takes.
 */
export function rasterCommand(raster: Pick<Raster, 'width' | 'height' | 'bits'>): Buffer {
  return Buffer.concat([rasterHeader(raster), raster.bits]);
}

function rasterHeader({ width, height }: Pick<Raster, 'width' | 'height'>): Buffer {
  const rowBytes = width / 8;
  return Buffer.from([0x1d, 0x76, 0x30, 0x30, rowBytes & 0xff, (rowBytes >> 8) & 0xff, height & 0xff, (height >> 8) & 0xff]);
}

/**
 * What node-thermal-printer writes around the image, built once: its own start (clear()), ESC @,
 * and after the image its cut (ESC d 4 twice to feed the ticket past the cutter, GS V 0, then ESC @
 * again). No interface: this only builds bytes; the transports deliver them.
 */
const [BEFORE, AFTER] = (() => {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  p.clear();
  p.append(ESC_INIT);
  const before = Buffer.from(p.getBuffer());
  p.clear();
  p.cut();
  return [before, Buffer.from(p.getBuffer())];
})();

/** The bytes of one ticket, copied once. */
export function encodeRaster(raster: Pick<Raster, 'width' | 'height' | 'bits'>): Buffer {
  return Buffer.concat([BEFORE, rasterHeader(raster), raster.bits, AFTER]);
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
