import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The real Dawr server as a child process: `node --import tsx server/main.ts` on a loopback
// port, with the event-loop probe preloaded. Start, ask the probe, stop (SIGTERM or SIGKILL),
// start again on the same port and data folder.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = pathToFileURL(fileURLToPath(new URL('./server-probe.ts', import.meta.url))).href;

export interface ProbeReading {
  /** Event-loop delay since the last reset. */
  p99Ms: number;
  maxMs: number;
  /** CPU time since the last reset. */
  cpuMs: number;
  rssMiB: number;
  /** Event-loop delay since the last `resetRun`. */
  run: { p99Ms: number; maxMs: number };
}

export interface ServerOptions {
  port: number;
  dataDir: string;
  adminPassword: string;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  cpuProfDir?: string;
}

/** A free loopback port (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export class DawrServer {
  private child: ChildProcess | undefined;
  private output = '';
  private exited: Promise<number | null> = Promise.resolve(null);
  readonly base: string;

  constructor(private readonly opts: ServerOptions) {
    this.base = `http://127.0.0.1:${opts.port}`;
  }

  /** Starts the server and answers what it printed once listening (the welcome, with tokens on a new database). */
  async start(timeoutMs = 60_000): Promise<string> {
    const { port, dataDir, adminPassword, cpuProfDir } = this.opts;
    const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
    this.output = '';
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--import', PROBE, 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED: 'demo',
        ADMIN_PASSWORD: adminPassword,
        DEMO_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    // The welcome is one write: once its last URL line is there, all of it is.
    while (!this.output.includes('API docs')) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start:\n${this.output}`);
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`server not listening within ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.output;
  }

  /** The event-loop delay and CPU since the last reset (`reset` starts a new window, `resetRun` a new run). */
  probe(reset = false, resetRun = false): Promise<ProbeReading> {
    const child = this.child;
    if (!child?.connected) return Promise.reject(new Error('server is not running'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server probe did not answer')), 10_000);
      const onMessage = (msg: { type?: string } & ProbeReading) => {
        if (msg?.type !== 'probe') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(msg);
      };
      child.on('message', onMessage);
      child.send({ type: 'probe', reset, resetRun });
    });
  }

  /** Stops the server: SIGTERM (a clean shutdown) or SIGKILL (a crash); SIGKILL anyway after 15 s. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** What the server printed so far (warnings and errors, with LOG_LEVEL=warn). */
  log(): string {
    return this.output;
  }
}

/** The device tokens printed in the welcome of a new demo database. */
export function welcomeTokens(welcome: string): { kiosk: string; display: string } {
  const token = (kind: string) => {
    const match = new RegExp(`${kind} device\\s+[^\\n]*: (dev_\\S+)`).exec(welcome);
    if (!match) throw new Error(`no ${kind} token in the server's welcome:\n${welcome}`);
    return match[1]!;
  };
  return { kiosk: token('kiosk'), display: token('display') };
}
