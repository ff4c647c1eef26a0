import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real server as a hall runs it, in its own process (like tests/server/main.test.ts): started
// on a DATA_DIR and a fixed loopback port (so that a restart comes back where clients look for
// it), killed with SIGKILL like a power cut, or stopped with SIGTERM like `systemctl restart`.

export const ADMIN_PASSWORD = 'fault-test-password';
const READY_TIMEOUT_MS = 45_000;

export interface Tokens {
  kiosk: string;
  display: string;
  printer: string;
}

export interface ServerProcess extends Spawned {
  base: string;
  port: number;
  dataDir: string;
  /** Device tokens printed by a first start (SEED=demo), else empty strings. */
  tokens: Tokens;
}

/** A free loopback port (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `dawr-${label}-`));
}

const running = new Set<ChildProcess>();
/** Kills every server a test left running (afterEach/afterAll). */
export function killAll(): void {
  for (const proc of running) proc.kill('SIGKILL');
  running.clear();
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A process under test: its output, its exit, and the two ways it stops. */
export interface Spawned {
  proc: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no clean-up at all, the process is gone mid-write. */
  kill9(): Promise<void>;
  /** SIGTERM: a clean stop; answers the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Spawns `node <args>` and waits until `ready` says so (polled), the process exits, or the time is up. */
export async function spawnServer(args: string[], env: Record<string, string>, ready: (output: string) => boolean | Promise<boolean>): Promise<Spawned> {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      resolve(code ?? (signal ? -1 : null));
    }),
  );
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await ready(out))) {
    if (gone !== undefined) throw new Error(`the server exited with ${gone}: ${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not start within ${READY_TIMEOUT_MS} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    proc,
    output: () => out,
    exited,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 15_000) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export async function startServer(opts: { dataDir: string; port?: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    ADMIN_PASSWORD,
    DEMO_PASSWORD: ADMIN_PASSWORD,
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const server = await spawnServer(['--import', 'tsx', 'server/main.ts'], env, (out) => out.includes('API docs'));
  const token = (kind: string) => new RegExp(`${kind} device\\s+.+: (dev_[\\w-]+)`).exec(server.output())?.[1] ?? '';
  return {
    ...server,
    base: `http://127.0.0.1:${port}`,
    port,
    dataDir: opts.dataDir,
    tokens: { kiosk: token('kiosk'), display: token('display'), printer: token('printer') },
  };
}

// HTTP with a bound on every call: a test must never hang on a stuck server.

export interface Answer {
  status: number;
  body: any;
  ms: number;
}

export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body, ms: performance.now() - started };
}

export async function login(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await call(base, 'POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

/** Polls `check` until it answers a value (not undefined/false) or the time is up. */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
