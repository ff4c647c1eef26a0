import { io, type Socket } from 'socket.io-client';
import { messageOf, type Transport } from '../printing/transport.js';
import type { PrinterStatus } from '../protocol/schemas.js';

// The print agent: connects to the server's /printer namespace with its device token, prints
// every `job` on its local printer, one at a time, and answers `job:done`. It reports the
// printer's status when it connects and whenever it changes, and reconnects forever.

export interface AgentOptions {
  server: string;
  token: string;
  printer: Transport;
  /** How often the local printer is probed. */
  statusEveryMs: number;
  sendTimeoutMs: number;
  statusTimeoutMs: number;
  log(line: string): void;
}

interface Job {
  id: number;
  data: string;
}

/** Recently printed job ids: a job sent again after a reconnect is answered, not printed twice. */
const REMEMBERED = 500;

export class PrintAgent {
  private readonly socket: Socket;
  private chain: Promise<void> = Promise.resolve();
  private readonly printed: number[] = [];
  private readonly pending = new Set<number>();
  private status: PrinterStatus = 'unknown';
  private statusTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly opts: AgentOptions) {
    this.socket = io(new URL('/printer', opts.server).href, {
      auth: { token: opts.token },
      autoConnect: false,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 30_000,
    });
    this.socket.on('connect', () => {
      opts.log(`connected to ${opts.server}`);
      this.report(true);
    });
    this.socket.on('disconnect', (reason) => {
      opts.log(`disconnected (${reason})`);
      // The server said goodbye (it is shutting down or restarting): come back anyway.
      if (reason === 'io server disconnect') this.retryLater(1000);
    });
    this.socket.on('connect_error', (err) => {
      opts.log(`cannot connect: ${err.message}`);
      // A refused handshake is not retried by socket.io: a token fixed on the server may come back.
      if (!this.socket.active) this.retryLater(30_000);
    });
    this.socket.on('job', (job: Job) => this.take(job));
  }

  start(): void {
    this.socket.connect();
    void this.probe();
  }

  /** Finishes the ticket being printed (at most `graceMs`), then leaves. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.statusTimer);
    clearTimeout(this.retryTimer);
    await Promise.race([this.chain, new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.socket.close();
  }

  private retryLater(ms: number): void {
    if (this.stopping) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.socket.connected && !this.stopping) this.socket.connect();
    }, ms);
  }

  private take(job: Job): void {
    if (typeof job?.id !== 'number' || typeof job.data !== 'string' || this.pending.has(job.id)) return;
    this.pending.add(job.id);
    this.chain = this.chain.then(() => this.print(job)).finally(() => this.pending.delete(job.id));
  }

  private async print(job: Job): Promise<void> {
    if (this.printed.includes(job.id)) {
      this.socket.emit('job:done', { id: job.id, ok: true });
      return;
    }
    try {
      await this.opts.printer.send(Buffer.from(job.data, 'base64'), this.opts.sendTimeoutMs);
      this.printed.push(job.id);
      if (this.printed.length > REMEMBERED) this.printed.shift();
      this.opts.log(`job ${job.id} printed`);
      // Emitted while offline, socket.io sends it on reconnect.
      this.socket.emit('job:done', { id: job.id, ok: true });
      this.setStatus('online');
    } catch (err) {
      this.opts.log(`job ${job.id} failed: ${messageOf(err)}`);
      this.socket.emit('job:done', { id: job.id, ok: false, error: messageOf(err).slice(0, 1000) });
      void this.probe();
    }
  }

  private setStatus(status: PrinterStatus): void {
    if (status === this.status) return;
    this.opts.log(`printer ${status}`);
    this.status = status;
    this.report(false);
  }

  private report(always: boolean): void {
    if ((always || this.socket.connected) && this.status !== 'unknown') this.socket.emit('status', { status: this.status });
  }

  /** Probes the printer between jobs, then again after `statusEveryMs`. */
  private async probe(): Promise<void> {
    clearTimeout(this.statusTimer);
    const next = this.chain.then(() => this.opts.printer.probe(this.opts.statusTimeoutMs));
    this.chain = next.then(() => undefined, () => undefined);
    try {
      this.setStatus(await next);
    } catch {
      this.setStatus('offline');
    }
    if (!this.stopping) this.statusTimer = setTimeout(() => void this.probe(), this.opts.statusEveryMs);
  }
}
