import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readHall } from './db-check.js';
import { call, freePort, killAll, removeDir, startServer, tempDataDir } from './server-process.js';
import { runScript } from '../helpers/scripts.js';

// `npm run backup` while kiosks are issuing, then `npm run restore` of that file into an empty
// DATA_DIR and a server on it: one consistent moment of the hall (every ticket with its issue
// event, every day's sequence equal to its highest number), with every ticket answered before
// the backup began, and the numbering going on from there.

const dirs: string[] = [];
afterAll(() => {
  killAll();
  dirs.forEach(removeDir);
});

const run = (script: string, args: string[], env: Record<string, string>) => runScript(script, args, { env, timeoutMs: 60_000 });

describe('a backup while tickets are being issued', () => {
  it('restores to a consistent database that carries on', { timeout: 150_000 }, async () => {
    const dataDir = tempDataDir('backup-live');
    const backupDir = tempDataDir('backup-live-usb');
    const restoredDir = tempDataDir('backup-live-restored');
    dirs.push(dataDir, backupDir, restoredDir);
    const server = await startServer({ dataDir });
    const services = ((await call(server.base, 'GET', '/api/services')).body as { id: number }[]).map((s) => s.id);

    const answered: { id: number; number: string }[] = [];
    let issuing = true;
    let failures = 0;
    const kiosk = async (k: number) => {
      for (let i = 0; issuing; i++) {
        const res = await call(server.base, 'POST', '/api/tickets', {
          token: server.tokens.kiosk,
          body: { serviceId: services[(k + i) % services.length] },
          headers: { 'idempotency-key': randomUUID() },
        });
        if (res.status === 201) answered.push({ id: res.body.id, number: res.body.number });
        else failures++;
      }
    };
    const kiosks = [0, 1, 2, 3].map(kiosk);
    while (answered.length < 60) await new Promise((r) => setTimeout(r, 20));

    const beforeBackup = [...answered];
    const backup = await run('scripts/backup.ts', [backupDir + '/'], { DATA_DIR: dataDir });
    const afterBackup = answered.length;
    expect(backup.code, backup.out).toBe(0);
    const file = /backed up \S+ to (\S+)/.exec(backup.out)![1]!;
    expect(file).toMatch(/dawr-\d{8}-\d{6}\.sqlite$/);
    expect(backup.out).toContain('integrity check ok');
    // Issuing went on during the backup and after it.
    while (answered.length < afterBackup + 30) await new Promise((r) => setTimeout(r, 20));
    issuing = false;
    await Promise.all(kiosks);
    expect(failures).toBe(0);
    expect(answered.length).toBeGreaterThan(beforeBackup.length);
    expect(await server.stop()).toBe(0);
    const live = readHall(dataDir);

    // Restore into an empty DATA_DIR (no server runs there; nothing answers on that port).
    const restore = await run('scripts/restore.ts', [file, '--data-dir', restoredDir, '--port', String(await freePort())], {});
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('start the server');
    const restored = readHall(restoredDir);
    expect(restored.integrity).toBe('ok');
    expect(restored.withoutIssueEvent).toEqual([]);
    expect(restored.sequenceMismatches).toEqual([]);
    expect(restored.duplicateNumbers).toEqual([]);
    // Every ticket answered before the backup began is in it, each as it was issued.
    const inBackup = new Map(restored.tickets.map((t) => [t.id, t.number]));
    for (const t of beforeBackup) expect(inBackup.get(t.id)).toBe(t.number);
    const liveById = new Map(live.tickets.map((t) => [t.id, t.number]));
    for (const t of restored.tickets) expect(liveById.get(t.id)).toBe(t.number);
    // Taken mid-stream: tickets were issued while the backup ran, and after it.
    expect(restored.tickets.length).toBeGreaterThan(beforeBackup.length);
    expect(restored.tickets.length).toBeLessThan(live.tickets.length);
    // One moment: the backup holds a prefix of the hall's tickets, not a patchwork.
    const ids = restored.tickets.map((t) => t.id);
    expect(ids).toEqual(live.tickets.slice(0, ids.length).map((t) => t.id));

    // A server on the restored database works and numbers on from the backup's moment.
    const again = await startServer({ dataDir: restoredDir });
    const health = await call(again.base, 'GET', '/api/health');
    expect(health.body).toEqual({ status: 'ok' });
    const next = await call(again.base, 'POST', '/api/tickets', { token: server.tokens.kiosk, body: { serviceId: services[0] } });
    expect(next.status).toBe(201);
    const top = Math.max(...restored.tickets.filter((t) => t.serviceId === services[0]).map((t) => t.sequence));
    expect(next.body.number).toMatch(new RegExp(`${String(top + 1).padStart(3, '0')}$`));
    expect(await again.stop()).toBe(0);
  });
});
