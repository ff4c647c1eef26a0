import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// What the hall's IT person installs from ops/: the systemd units (checked by systemd-analyze
// where the machine has it), the device launcher (checked by shellcheck where installed, and
// run here against a fake browser), and the documentation of every setting.

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'dawr-ops-'));
let health: Server | undefined;
afterAll(() => {
  health?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('systemd units', () => {
  const server = readFileSync('ops/systemd/dawr.service', 'utf8');

  it('run the server as dawr from /opt/dawr, restart it on failure, and harden it', () => {
    for (const line of [
      'User=dawr',
      'WorkingDirectory=/opt/dawr',
      'EnvironmentFile=/etc/dawr/env',
      'ExecStart=/usr/bin/node dist/server.mjs',
      'Restart=on-failure',
      'RestartSec=3',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      'StateDirectory=dawr',
      'ReadWritePaths=-/media/dawr-backup',
      'WantedBy=multi-user.target',
    ]) {
      expect(server.split('\n')).toContain(line);
    }
    const agent = readFileSync('ops/systemd/dawr-print-agent.service', 'utf8').split('\n');
    expect(agent).toContain('Restart=always');
    expect(agent).toContain('EnvironmentFile=/etc/dawr/print-agent.env');
    expect(agent.find((l) => l.startsWith('ExecStart='))).toMatch(/print-agent -- --server \$\{DAWR_SERVER\} --printer \$\{DAWR_PRINTER\}/);
  });

  it('run the city server the same way, with its own settings and data folder', () => {
    const city = readFileSync('ops/systemd/dawr-central.service', 'utf8').split('\n');
    for (const line of [
      'User=dawr',
      'WorkingDirectory=/opt/dawr',
      'EnvironmentFile=/etc/dawr/central.env',
      'ExecStart=/usr/bin/node dist/city.mjs',
      'Restart=on-failure',
      'ProtectSystem=strict',
      'StateDirectory=dawr-central',
    ]) {
      expect(city).toContain(line);
    }
  });

  it.runIf(has('systemd-analyze'))('pass systemd-analyze verify', () => {
    const units = ['ops/systemd/dawr.service', 'ops/systemd/dawr-print-agent.service', 'ops/systemd/dawr-central.service'];
    const res = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
    expect(res.stderr + res.stdout).toBe('');
    expect(res.status).toBe(0);
  });
});

describe('the device launcher', () => {
  const script = 'ops/device/dawr-device.sh';

  it('is valid shell (and clean for shellcheck where installed)', () => {
    execFileSync('bash', ['-n', script]);
    if (has('shellcheck')) execFileSync('shellcheck', [script]);
  });

  it('waits for the server, starts the browser in kiosk mode, and starts it again when it exits', async () => {
    // The server answers its health check only after a moment (it is still booting).
    let up = false;
    health = createServer((req, res) => {
      if (req.url === '/api/health' && up) res.end('{"status":"ok"}');
      else res.writeHead(503).end();
    });
    await new Promise<void>((r) => health!.listen(0, '127.0.0.1', () => r()));
    const port = (health.address() as { port: number }).port;
    setTimeout(() => (up = true), 1500);

    // A fake Chromium: records how it was started, and "crashes" at once.
    const calls = join(dir, 'calls.txt');
    const browser = join(dir, 'fake-chromium');
    writeFileSync(browser, `#!/bin/sh\necho "$@" >> ${calls}\nexit 1\n`);
    chmodSync(browser, 0o755);
    const url = `http://127.0.0.1:${port}/display/?token=dev_test`;
    const proc = spawn('bash', [script, url], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        DAWR_BROWSER: browser,
        DAWR_RESTART_PAUSE_S: '0',
        DAWR_BACKOFF_STEP_S: '0',
        DAWR_DEVICE_ENV: join(dir, 'none.env'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const started = Date.now();
    const lines = () => {
      try {
        return readFileSync(calls, 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    };
    while (lines().length < 2 && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
    proc.kill('SIGTERM');
    await new Promise((r) => proc.on('exit', r));

    expect(out).toContain('waiting for the server');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    const runs = lines();
    expect(runs.length, out).toBeGreaterThanOrEqual(2); // started again after its "crash"
    for (const flag of ['--kiosk', '--noerrdialogs', '--disable-session-crashed-bubble', '--autoplay-policy=no-user-gesture-required', '--check-for-update-interval=31536000']) {
      expect(runs[0]).toContain(flag);
    }
    expect(runs[0]!.endsWith(url)).toBe(true);
    expect(out).toMatch(/the browser exited \(1\); starting it again/);
  });
});

describe('documentation of the settings', () => {
  it('names every environment variable of server/config.ts and server/city/config.ts in the README and docs/install.md', () => {
    const names = ['server/config.ts', 'server/city/config.ts'].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!),
    );
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL']));
    expect(names).toEqual(expect.arrayContaining(['PORT', 'TLS_CERT', 'TLS_KEY', 'BACKUP_DIR', 'BACKUP_AT', 'BACKUP_KEEP', 'PRINT_EXPIRE_S']));
    const readme = readFileSync('README.md', 'utf8');
    const install = readFileSync('docs/install.md', 'utf8');
    for (const name of names) {
      expect(readme, `README.md: ${name}`).toContain(`\`${name}\``);
      expect(install, `docs/install.md: ${name}`).toContain(`\`${name}\``);
    }
    expect(readme).toContain('docs/install.md');
  });
});
