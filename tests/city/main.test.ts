import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/city/embedded-postgres.js';

// The city server as `npm run central` starts it, on an embedded PostgreSQL: a demo city on a new
// folder, and a start after `kill -9`, whose PostgreSQL outlived it and must be stopped first.

const dataDir = mkdtempSync(join(tmpdir(), 'dawr-central-'));
chmodSync(dataDir, 0o755);
const running: ChildProcess[] = [];

afterAll(async () => {
  const alive = running.filter((p) => p.exitCode === null && p.signalCode === null);
  for (const proc of alive) proc.kill('SIGTERM');
  await Promise.all(alive.map((p) => new Promise((r) => p.once('exit', r))));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts server/city/main.ts; answers once it prints its address (GET /api/health is then 200). */
async function startCentral(port: number): Promise<{ proc: ChildProcess; out: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/city/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: 'demo', LOG_LEVEL: 'warn', DATABASE_URL: '', ADMIN_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => {
      if (out.includes('API docs')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { proc, out: () => out };
}

describe('npm run central', () => {
  it('brings up a demo city on an embedded PostgreSQL, and starts again after kill -9', async () => {
    const port = await freePort();
    const first = await startCentral(port);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(first.out()).toMatch(/admin password\s+\S+/);
    expect(first.out()).toMatch(/hall 1 token\s+hall_/);
    const password = /admin password\s+(\S+)/.exec(first.out())![1]!;
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));

    const second = await startCentral(port);
    expect(second.out()).not.toContain('admin password'); // the same database, not a new one
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const board = await fetch(`http://127.0.0.1:${port}/api/city/board`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await board.json()) as { halls: unknown[] }).halls).toHaveLength(4);
    second.proc.kill('SIGTERM');
    expect(await new Promise((r) => second.proc.once('exit', r))).toBe(0);
  });
});
