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
export function rasterCommand({ width, height, bits }: Pick<Raster, 'width' | 'height' | 'bits'>): Buffer {
  const rowBytes = width / 8;
  const header = [0x1d, 0x76, 0x30, 0x30, rowBytes & 0xff, (rowBytes >> 8) & 0xff, height & 0xff, (height >> 8) & 0xff];
  return Buffer.concat([Buffer.from(header), bits]);
}

/** The bytes of one ticket. */
export function encodeRaster(raster: Pick<Raster, 'width' | 'height' | 'bits'>): Buffer {
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
