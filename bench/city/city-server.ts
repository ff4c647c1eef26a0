import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../load/server-process.js';
import { sleep } from '../load/stats.js';

// The real city server as `npm run central` runs it (node dist/city.mjs) with no DATABASE_URL: it
// starts its embedded PostgreSQL in its data folder. CPU time is read from /proc, for the city's
// Node process and for PostgreSQL's (its postmaster, with the backends it has reaped, and its
// backends alive).

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

export interface CityServer {
  base: string;
  adminPassword: string;
  /** What the city server printed (its log at LOG_LEVEL=warn). */
  output(): string;
  /** CPU ms used so far by the city's Node process, and by PostgreSQL. */
  cpuMs(): { city: number; postgres: number };
  stop(): Promise<void>;
}

/** utime + stime (+ cutime + cstime: children reaped) of a process, in ms; 0 once it is gone. */
function processCpuMs(pid: number, withReaped = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

/** The postmaster: the process started with `-D <dataDir>/…`. */
function findPostmaster(dataDir: string): number | undefined {
  for (const pid of pids()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd[0]?.endsWith('postgres') && cmd.some((arg) => arg.startsWith(dataDir))) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

function postgresCpuMs(postmaster: number): number {
  let ms = processCpuMs(postmaster, true);
  for (const pid of pids()) {
    try {
      if (parentOf(pid) === postmaster) ms += processCpuMs(pid);
    } catch {
      // gone meanwhile: its time is in the postmaster's reaped children
    }
  }
  return ms;
}

/** `extraEnv`: more of the city's environment (the citizens' case trusts the loopback proxy header). */
export async function startCity(extraEnv: NodeJS.ProcessEnv = {}): Promise<CityServer> {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  // PostgreSQL runs as the `postgres` user when we are root: it must reach its folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'dawr-bench-city-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const adminPassword = `bench-${Math.random().toString(36).slice(2)}`;
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD: adminPassword, SEED: 'none', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL; // the embedded PostgreSQL
  const child: ChildProcess = spawn(process.execPath, ['dist/city.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the city server exited at start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the city server was not ready in 120 s:\n${output}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) break;
    await sleep(200);
  }
  const postmaster = findPostmaster(dataDir);
  if (postmaster === undefined) throw new Error(`no PostgreSQL process runs on ${dataDir}: did the city start its embedded one?`);
  return {
    base,
    adminPassword,
    output: () => output,
    cpuMs: () => ({ city: processCpuMs(child.pid!), postgres: postgresCpuMs(postmaster) }),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
