import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTarget, transportFor, type LocalTargets } from '../../server/printing/transport.js';

// Where the server's own transports may write: file: printers inside PRINT_FILE_DIR only, with
// links followed, and device files /dev/usb/lp<n> only, whatever target was stored.

let root: string;
let local: LocalTargets;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dawr-transport-'));
  local = { fileDir: join(root, 'print') };
  outside = join(root, 'outside');
  mkdirSync(local.fileDir);
  mkdirSync(outside);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const local$ = (target: string) => {
  const parsed = parseTarget(target);
  if (!parsed || parsed.kind === 'agent') throw new Error(`not a direct target: ${target}`);
  return transportFor(parsed, local);
};
const BYTES = Buffer.from('\x1b@ticket\n');

describe('file: printers', () => {
  it('append inside the folder, and go online there', async () => {
    const printer = local$(`file:${local.fileDir}/kiosk.bin`);
    await printer.send(BYTES, 1000);
    await printer.send(BYTES, 1000);
    expect(readFileSync(join(local.fileDir, 'kiosk.bin'))).toEqual(Buffer.concat([BYTES, BYTES]));
    expect(await printer.probe(1000)).toBe('online');
  });

  it('refuse a target outside the folder even when it was stored before the check existed', async () => {
    for (const target of [`file:${outside}/x.bin`, `file:${local.fileDir}/../outside/x.bin`, 'file:/proc/self/mem']) {
      const printer = local$(target);
      await expect(printer.send(BYTES, 1000)).rejects.toThrow(/^refused .*: a file: printer must write inside .*print \(PRINT_FILE_DIR\)$/);
      expect(await printer.probe(1000)).toBe('offline');
    }
    expect(existsSync(join(outside, 'x.bin'))).toBe(false);
  });

  it('refuse a link out of the folder: a linked folder, or the file itself a link', async () => {
    symlinkSync(outside, join(local.fileDir, 'escape'));
    await expect(local$(`file:${local.fileDir}/escape/x.bin`).send(BYTES, 1000)).rejects.toThrow(/its folder leads outside/);
    expect(existsSync(join(outside, 'x.bin'))).toBe(false);

    writeFileSync(join(outside, 'victim'), 'keep me');
    symlinkSync(join(outside, 'victim'), join(local.fileDir, 'tickets.bin'));
    await expect(local$(`file:${local.fileDir}/tickets.bin`).send(BYTES, 1000)).rejects.toThrow(/ELOOP/);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep me');
  });

  it('are not confined on a print agent, whose target comes from its own command line', async () => {
    const parsed = parseTarget(`file:${outside}/agent.bin`)!;
    await transportFor(parsed as Exclude<typeof parsed, { kind: 'agent' }>, null).send(BYTES, 1000);
    expect(readFileSync(join(outside, 'agent.bin'))).toEqual(BYTES);
  });
});

describe('device printers', () => {
  it('must be /dev/usb/lp<n>', async () => {
    writeFileSync(join(outside, 'disk'), 'keep me');
    for (const target of [join(outside, 'disk'), '/dev/null', '/dev/usb/lp0/../../null']) {
      const printer = local$(target);
      await expect(printer.send(BYTES, 1000)).rejects.toThrow(/a device file must be \/dev\/usb\/lp<n>/);
      expect(await printer.probe(1000)).toBe('offline');
    }
    expect(readFileSync(join(outside, 'disk'), 'utf8')).toBe('keep me');
    // Allowed, and simply missing on this machine: offline, no file made in /dev.
    expect(await local$('/dev/usb/lp7').probe(1000)).toBe('offline');
  });
});
