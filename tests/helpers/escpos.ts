// A small ESC/POS reader for the tests: the commands a ticket uses, checked strictly. Anything
// else, or a command cut short, is an error, so a test that parses a byte stream also proves it
// holds nothing but complete commands.

export type Command =
  | { op: 'init' } // ESC @
  | { op: 'feed'; lines: number } // ESC d n
  | { op: 'lf' } // LF
  | { op: 'raster'; mode: number; widthBytes: number; height: number; data: Buffer } // GS v 0
  | { op: 'cut'; mode: number } // GS V m [n]
  | { op: 'status'; n: number }; // DLE EOT n

export function parseEscPos(bytes: Buffer): Command[] {
  const out: Command[] = [];
  let i = 0;
  const need = (n: number, what: string) => {
    if (i + n > bytes.length) throw new Error(`ESC/POS: ${what} at byte ${i} is cut short (${bytes.length - i} of ${n} bytes)`);
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      out.push({ op: 'lf' });
      i += 1;
    } else if (b === 0x1b) {
      need(2, 'ESC');
      const c = bytes[i + 1]!;
      if (c === 0x40) {
        out.push({ op: 'init' });
        i += 2;
      } else if (c === 0x64) {
        need(3, 'ESC d');
        out.push({ op: 'feed', lines: bytes[i + 2]! });
        i += 3;
      } else throw new Error(`ESC/POS: unknown ESC 0x${c.toString(16)} at byte ${i}`);
    } else if (b === 0x1d) {
      need(2, 'GS');
      const c = bytes[i + 1]!;
      if (c === 0x76) {
        need(8, 'GS v 0 header');
        if (bytes[i + 2] !== 0x30) throw new Error(`ESC/POS: GS v 0x${bytes[i + 2]!.toString(16)} is not GS v 0`);
        const mode = bytes[i + 3]!;
        const widthBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
        const height = bytes[i + 6]! + bytes[i + 7]! * 256;
        const length = widthBytes * height;
        need(8 + length, `GS v 0 image of ${widthBytes}×${height} bytes`);
        out.push({ op: 'raster', mode, widthBytes, height, data: bytes.subarray(i + 8, i + 8 + length) });
        i += 8 + length;
      } else if (c === 0x56) {
        need(3, 'GS V');
        const mode = bytes[i + 2]!;
        const extra = mode === 65 || mode === 66 ? 1 : 0;
        if (![0, 1, 48, 49, 65, 66].includes(mode)) throw new Error(`ESC/POS: GS V with unknown mode ${mode}`);
        need(3 + extra, 'GS V n');
        out.push({ op: 'cut', mode });
        i += 3 + extra;
      } else throw new Error(`ESC/POS: unknown GS 0x${c.toString(16)} at byte ${i}`);
    } else if (b === 0x10) {
      need(3, 'DLE EOT');
      if (bytes[i + 1] !== 0x04) throw new Error(`ESC/POS: unknown DLE 0x${bytes[i + 1]!.toString(16)}`);
      out.push({ op: 'status', n: bytes[i + 2]! });
      i += 3;
    } else {
      throw new Error(`ESC/POS: unexpected byte 0x${b.toString(16)} at ${i}`);
    }
  }
  return out;
}

/** The tickets in a stream: the commands up to and including each cut. */
export function tickets(commands: Command[]): Command[][] {
  const out: Command[][] = [];
  let current: Command[] = [];
  for (const c of commands) {
    current.push(c);
    if (c.op === 'cut') {
      out.push(current);
      current = [];
    }
  }
  return out;
}

/** Is the pixel (x, y) of a GS v 0 image black? */
export function rasterDot(r: Extract<Command, { op: 'raster' }>, x: number, y: number): boolean {
  return ((r.data[y * r.widthBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
}
