import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The real process: env → migrate → seed → listen → URLs and secrets printed once; SIGTERM
// closes it cleanly.

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  dataDir = mkdtempSync(join(tmpdir(), 'dawr-main-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      // The welcome is one write: once its docs line is there, all of it is.
      if (out.includes('API docs')) {
        clearInterval(timer);
        resolve(out);
      }
    }, 50);
    proc.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, ready, exited, output: () => out };
}

describe('npm start', () => {
  it('seeds a demo hall, prints URLs, secrets once, and shuts down on SIGTERM', async () => {
    const server = start({ SEED: 'demo' });
    const out = await server.ready;
    const base = /Dawr is running: (\S+)/.exec(out)![1]!;
    expect(out).toMatch(/admin password\s+\S{12,}/);
    // The demo users have passwords of their own, not the admin's: a hall that forgot SEED=none
    // must not have two more ways in with the admin's key.
    const passwordOf = (user: string) => new RegExp(`  ${user} password\\s+(\\S{12,})\\s+\\(user: ${user}\\)`).exec(out)?.[1];
    const [admin, supervisor, clerk] = ['admin', 'supervisor', 'clerk'].map(passwordOf);
    expect(new Set([admin, supervisor, clerk]).size, out).toBe(3);
    expect(out).toMatch(/kiosk device\s+.+: dev_[\w-]{40,}/);
    expect(out).toMatch(/display device\s+.+: dev_/);
    expect(out).toMatch(/printer device\s+.+: dev_/);
    expect(out).toContain(`${base}/kiosk/`);
    expect(out).toContain(`${base}/clerk/`);

    const health = await fetch(base + '/api/health');
    expect(await health.json()).toEqual({ status: 'ok' });
    const services = (await (await fetch(base + '/api/services')).json()) as { name: { ar: string } }[];
    expect(services.map((s) => s.name.ar)).toContain('رخص البناء');
    const home = await fetch(base + '/');
    expect(await home.text()).toContain('dir="rtl"');
    const logIn = async (username: string, password: string) =>
      (await fetch(base + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).status;
    expect(await logIn('supervisor', supervisor!)).toBe(200);
    expect(await logIn('clerk', clerk!)).toBe(200);
    expect(await logIn('clerk', admin!)).toBe(401);

    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('with SEED=none seeds only the admin, and prints no device tokens', async () => {
    const server = start({ SEED: 'none', ADMIN_PASSWORD: 'a-long-password' });
    const out = await server.ready;
    const base = /Dawr is running: (\S+)/.exec(out)![1]!;
    expect(server.output()).not.toMatch(/dev_/);
    expect(server.output()).not.toContain('a-long-password');
    expect(await (await fetch(base + '/api/services')).json()).toEqual([]);
    const login = await fetch(base + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'a-long-password' }),
    });
    expect(login.status).toBe(200);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a bad environment with a clear message', async () => {
    const server = start({ PORT: 'not-a-port' });
    await expect(server.ready).rejects.toThrow(/PORT/);
  });
});
