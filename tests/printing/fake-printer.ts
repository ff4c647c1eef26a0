import { createServer, type Server, type Socket } from 'node:net';
import { parseEscPos, tickets, type Command } from '../helpers/escpos.js';

// A network receipt printer on 127.0.0.1 (raw port 9100 style): it keeps every byte a print
// connection sends, answers DLE EOT 4 (paper sensor) when asked first thing on a connection,
// and can be switched off and on again on the same port.

const STATUS_PAPER_OK = 0x12;
const STATUS_PAPER_OUT = 0x72;

export class FakePrinter {
  /** Bytes of each print connection, in order of arrival (status probes are left out). */
  readonly jobs: Buffer[] = [];
  /** When each print connection closed, in performance.now() ms. */
  readonly arrivals: number[] = [];
  probes = 0;
  paper: 'ok' | 'out' | 'silent' = 'ok';
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private waiters: (() => void)[] = [];

  private constructor(public port: number) {}

  static async start(port = 0): Promise<FakePrinter> {
    const printer = new FakePrinter(port);
    await printer.on();
    return printer;
  }

  /** Starts listening (again, on the same port). */
  async on(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening and drops open connections: connects are refused until `on()`. */
  async off(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get target(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    let probe = false;
    socket.on('data', (chunk: Buffer) => {
      if (chunks.length === 0 && chunk[0] === 0x10 && chunk[1] === 0x04 && chunk[2] === 0x04) {
        probe = true;
        this.probes++;
        if (this.paper !== 'silent') socket.write(Buffer.from([this.paper === 'ok' ? STATUS_PAPER_OK : STATUS_PAPER_OUT]));
        return;
      }
      chunks.push(chunk);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (probe || chunks.length === 0) return;
      this.jobs.push(Buffer.concat(chunks));
      this.arrivals.push(performance.now());
      for (const w of this.waiters.splice(0)) w();
    });
    // The server ends its side when it has sent everything; so does a real printer.
    socket.on('end', () => socket.end());
  }

  /** Every command received so far, parsed strictly. */
  commands(): Command[] {
    return parseEscPos(Buffer.concat(this.jobs));
  }

  tickets(): Command[][] {
    return tickets(this.commands());
  }

  /** Waits until `count` print connections have arrived. */
  async waitForJobs(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake printer: ${this.jobs.length} of ${count} jobs within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
