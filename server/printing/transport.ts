import { constants } from 'node:fs';
import { access, open, realpath } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { PrinterStatus } from '../protocol/schemas.js';
import { withTimeout } from './async.js';
import { PAPER_STATUS_REQUEST, paperStatus } from './encode.js';
import { usbTransport, type UsbSelector } from './usb.js';

// Where the bytes go. The server drives tcp, device and file printers itself and hands agent
// printers to the /printer namespace; the print agent drives tcp, device, file and usb.

export type Target =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'file'; path: string }
  | { kind: 'agent'; deviceId: number }
  | ({ kind: 'usb' } & UsbSelector);

export interface Transport {
  /** Delivers the bytes or fails; `timeoutMs` bounds the connection and every stall in it. */
  send(data: Buffer, timeoutMs: number): Promise<void>;
  /** online, offline or paper_out, as far as the transport can tell. */
  probe(timeoutMs: number): Promise<PrinterStatus>;
}

const TCP = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?\/?$/;
const USB = /^usb(?::([0-9a-f]{4}):([0-9a-f]{4}))?$/i;

/** `tcp://host:port` (port 9100 if left out), `/dev/usb/lp0`, `file:/path`, `agent:<id>`, `usb[:vid:pid]`. */
export function parseTarget(target: string): Target | null {
  const tcp = TCP.exec(target);
  if (tcp) {
    const port = tcp[2] ? Number(tcp[2]) : 9100;
    if (port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: tcp[1]!.replace(/^\[|\]$/g, ''), port };
  }
  if (target.startsWith('file:') && target.length > 5) return { kind: 'file', path: target.slice(5) };
  if (target.startsWith('/')) return { kind: 'device', path: target };
  const agent = /^agent:(\d{1,15})$/.exec(target);
  if (agent) return { kind: 'agent', deviceId: Number(agent[1]) };
  const usb = USB.exec(target);
  if (usb) return { kind: 'usb', vendorId: usb[1] ? parseInt(usb[1], 16) : undefined, productId: usb[2] ? parseInt(usb[2], 16) : undefined };
  return null;
}

/**
 * Where the server may write on its own disk: `file:` printers only inside `fileDir`
 * (PRINT_FILE_DIR), device files only /dev/usb/lp<n>. Else an admin could make it write to any
 * file it can open. The print agent's target comes from its own command line: it has none.
 */
export interface LocalTargets {
  fileDir: string;
}

const PRINTER_DEVICE = /^\/dev\/usb\/lp\d{1,3}$/;

/** `path` inside `dir`, not `dir` itself; both absolute and resolved. */
const isInside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** Why the server may not write to `target`, from its text alone; null when it may. */
export function localTargetProblem(target: Target, local: LocalTargets): string | null {
  if (target.kind === 'device' && !PRINTER_DEVICE.test(target.path)) return 'a device file must be /dev/usb/lp<n>';
  if (target.kind === 'file') {
    if (!isAbsolute(target.path)) return 'a file: printer needs an absolute path';
    if (!isInside(resolve(local.fileDir), resolve(target.path))) return `a file: printer must write inside ${resolve(local.fileDir)} (PRINT_FILE_DIR)`;
  }
  return null;
}

/** The same check as the transport opens the file, with links followed: a symlink does not lead out. */
async function checkLocalPath(target: Target & { path: string }, local: LocalTargets): Promise<void> {
  const problem = localTargetProblem(target, local);
  if (problem) throw new Error(`refused ${target.path}: ${problem}`);
  if (target.kind !== 'file') return;
  const [dir, parent] = await Promise.all([realpath(local.fileDir), realpath(dirname(resolve(target.path)))]);
  if (parent !== dir && !isInside(dir, parent)) throw new Error(`refused ${target.path}: its folder leads outside ${dir} (PRINT_FILE_DIR)`);
}

export function transportFor(target: Exclude<Target, { kind: 'agent' }>, local: LocalTargets | null): Transport {
  switch (target.kind) {
    case 'tcp':
      return tcpTransport(target.host, target.port);
    case 'device':
      return deviceTransport(target.path, () => (local ? checkLocalPath(target, local) : Promise.resolve()));
    case 'file':
      return fileTransport(target.path, () => (local ? checkLocalPath(target, local) : Promise.resolve()));
    case 'usb':
      return usbTransport(target);
  }
}

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function tcpTransport(host: string, port: number): Transport {
  const name = `${host}:${port}`;
  return {
    send: (data, timeoutMs) =>
      new Promise((resolve, reject) => {
        const socket = connect({ host, port, timeout: timeoutMs });
        // Status bytes a printer volunteers are read and dropped: unread input would turn our
        // close into a reset, which may discard the end of the ticket.
        socket.resume();
        let sent = false;
        const fail = (err: Error) => {
          socket.destroy();
          if (!sent) reject(err);
        };
        socket.once('timeout', () => fail(new Error(`printer ${name} stalled for ${timeoutMs} ms`)));
        socket.once('error', (err) => fail(new Error(`printer ${name}: ${err.message}`)));
        socket.once('connect', () =>
          // end()'s callback runs once every byte is handed to the network, our FIN after them;
          // the printer closes its side when it has read them (or the idle timeout does).
          socket.end(data, () => {
            sent = true;
            resolve();
          }),
        );
      }),
    probe: (timeoutMs) =>
      new Promise((resolve) => {
        const socket = connect({ host, port, timeout: timeoutMs });
        let answered = false;
        const done = (status: PrinterStatus) => {
          if (answered) return;
          answered = true;
          clearTimeout(silence);
          socket.destroy();
          resolve(status);
        };
        let silence: NodeJS.Timeout | undefined;
        socket.once('error', () => done('offline'));
        socket.once('timeout', () => done(socket.connecting ? 'offline' : 'online'));
        socket.once('connect', () => {
          socket.write(PAPER_STATUS_REQUEST);
          // Many printers never answer real-time status: reachable is all we learn then.
          silence = setTimeout(() => done('online'), timeoutMs);
        });
        socket.on('data', (bytes: Buffer) => {
          for (const byte of bytes) {
            const paper = paperStatus(byte);
            if (paper) return done(paper === 'out' ? 'paper_out' : 'online');
          }
        });
      }),
  };
}

/** Device files whose last write has not come back: a hung write is never piled on. */
const busyDevices = new Set<string>();

function deviceTransport(path: string, check: () => Promise<void>): Transport {
  return {
    async send(data, timeoutMs) {
      await check();
      if (busyDevices.has(path)) throw new Error(`${path} is still busy with an earlier ticket`);
      busyDevices.add(path);
      const write = (async () => {
        // No O_CREAT: a printer that is unplugged is missing, not a new regular file in /dev.
        const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY);
        try {
          await handle.write(data);
        } finally {
          await handle.close();
        }
      })().finally(() => busyDevices.delete(path));
      await withTimeout(`writing to ${path}`, timeoutMs, write);
    },
    async probe() {
      try {
        await check();
        await access(path, constants.W_OK);
        return 'online';
      } catch {
        return 'offline';
      }
    },
  };
}

/** A virtual printer: every ticket is appended to the file, for demos and tests. */
function fileTransport(path: string, check: () => Promise<void>): Transport {
  const append = async (data: Buffer) => {
    await check();
    // O_NOFOLLOW: the file itself may not be a link out of the folder either.
    const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
    try {
      await handle.write(data);
    } finally {
      await handle.close();
    }
  };
  return {
    async send(data, timeoutMs) {
      await withTimeout(`writing to ${path}`, timeoutMs, append(data));
    },
    async probe() {
      try {
        await check();
        await access(dirname(path), constants.W_OK);
        return 'online';
      } catch {
        return 'offline';
      }
    },
  };
}
