import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import { devices, printers, printJobs } from '../../../db/schema.js';
import { isoInZone } from '../../engine/clock.js';
import { getHall } from '../../hall/state.js';
import { hallIdOf } from '../../plugins/auth.js';
import { databaseBytes } from '../../ops/backup.js';
import { migrationState } from '../../ops/migrations.js';
import { MIGRATIONS_DIR } from '../../paths.js';
import { parseTarget } from '../../printing/transport.js';
import { VERSION } from '../../version.js';

// GET /api/admin/health: what the hall's IT person looks at when something seems wrong. The
// public GET /api/health stays a cheap "ok"; this one reads the database, the disk, the
// printers, the devices and the event loop (`?integrity=1` adds SQLite's quick_check, which
// reads the whole database: not for a monitor polling every minute).

const Iso = z.string();
const Disk = z.object({ path: z.string(), freeBytes: z.number(), totalBytes: z.number() }).nullable();

export const AdminHealth = z.object({
  status: z.enum(['ok', 'warning']),
  /** What needs attention, in words; empty when status is ok. */
  problems: z.array(z.string()),
  version: z.string(),
  node: z.string(),
  uptimeS: z.number(),
  serverTime: Iso,
  eventLoopDelayMs: z.object({ mean: z.number(), p99: z.number(), max: z.number(), windowS: z.number() }),
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number() }),
  database: z.object({
    file: z.string(),
    sizeBytes: z.number(),
    walBytes: z.number(),
    pageCount: z.number(),
    freePages: z.number(),
    migrations: z.object({ applied: z.number(), pending: z.array(z.string()), latest: z.string().nullable() }),
    integrity: z.string().optional(),
    disk: Disk,
  }),
  lastBackup: z.object({ at: Iso, file: z.string(), sizeBytes: z.number() }).nullable(),
  backups: z.object({
    dir: z.string(),
    at: z.string(),
    keep: z.number(),
    lastError: z.object({ at: Iso, message: z.string() }).nullable(),
    disk: Disk,
  }),
  printers: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      target: z.string(),
      kind: z.string(),
      kioskId: z.number().nullable(),
      active: z.boolean(),
      status: z.enum(['unknown', 'online', 'offline', 'paper_out']),
      queued: z.number(),
      oldestQueuedAt: Iso.nullable(),
      lastPrintedAt: Iso.nullable(),
      lastError: z.string().nullable(),
      /** agent printers: the print agent's connection. */
      agent: z.object({ deviceId: z.number(), connected: z.boolean(), lastSeenAt: Iso.nullable() }).optional(),
    }),
  ),
  devices: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['kiosk', 'display', 'printer']),
      name: z.string(),
      zone: z.string().nullable(),
      connected: z.boolean(),
      /** Open socket.io connections of the device (a display with two tabs has two). */
      connections: z.number(),
      connectedSince: Iso.nullable(),
      /** Now when connected; else the last request or connection the server saw. */
      lastSeenAt: Iso.nullable(),
    }),
  ),
});

const Query = z.object({ integrity: z.enum(['0', '1', 'true', 'false']).optional() });

const WINDOW_MS = 60_000;
const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;

function disk(path: string) {
  try {
    const s = statfsSync(path);
    return { path, freeBytes: Number(s.bavail) * Number(s.bsize), totalBytes: Number(s.blocks) * Number(s.bsize) };
  } catch {
    return null;
  }
}

export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  // The event loop's delay over the last full minute (or the current one, in the first).
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  let previous: { mean: number; p99: number; max: number } | null = null;
  const roll = setInterval(() => {
    previous = { mean: loop.mean, p99: loop.percentile(99), max: loop.max };
    loop.reset();
  }, WINDOW_MS);
  roll.unref();
  app.addHook('onClose', async () => {
    clearInterval(roll);
    loop.disable();
  });

  /** deviceId → its open sockets' connection times, over the device namespaces. */
  function connectedDevices(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const name of ['/display', '/kiosk', '/printer']) {
      for (const socket of app.realtime.io.of(name).sockets.values()) {
        const deviceId = (socket.data as { deviceId?: number }).deviceId;
        if (typeof deviceId !== 'number') continue;
        const list = out.get(deviceId) ?? [];
        list.push(socket.handshake.issued);
        out.set(deviceId, list);
      }
    }
    return out;
  }

  app.get('/health', { schema: { querystring: Query, response: { 200: AdminHealth } } }, async (request) => {
    const hallId = hallIdOf(request);
    const now = app.now();
    const tz = getHall(conn, hallId).timeZone;
    const iso = (t: number | null | undefined) => (t == null ? null : isoInZone(t, tz));
    const problems: string[] = [];

    // Database.
    const file = conn.sqlite.name;
    const size = databaseBytes(file);
    const pageCount = conn.sqlite.pragma('page_count', { simple: true }) as number;
    const freePages = conn.sqlite.pragma('freelist_count', { simple: true }) as number;
    const migrations = migrationState(conn.sqlite, MIGRATIONS_DIR);
    let integrity: string | undefined;
    if (request.query.integrity === '1' || request.query.integrity === 'true') {
      const rows = conn.sqlite.pragma('quick_check') as { quick_check: string }[];
      integrity = rows.map((r) => r.quick_check).join('; ');
      if (integrity !== 'ok') problems.push(`the database is damaged: ${integrity}`);
    }
    const dataDisk = disk(dirname(file));
    if (dataDisk && dataDisk.freeBytes < 200 * 1024 * 1024) {
      problems.push(`only ${Math.round(dataDisk.freeBytes / 1024 / 1024)} MB free on the database's disk`);
    }
    if (migrations.pending.length) problems.push(`migrations not applied: ${migrations.pending.map((m) => m.tag).join(', ')}`);
    const cityProblem = app.central?.state().problem;
    if (cityProblem) problems.push(cityProblem);

    // Backups.
    const last = app.backups.last();
    const lastError = app.backups.lastError();
    if (lastError) problems.push(`the last backup failed: ${lastError.message}`);
    if (app.backups.at !== 'off' && (!last || now - last.at > 2 * 24 * 3600_000)) {
      problems.push(last ? `the newest backup is from ${iso(last.at)}` : 'no backup yet');
    }

    // Devices and their connections.
    const sockets = connectedDevices();
    const deviceRows = conn.db
      .select()
      .from(devices)
      .where(and(eq(devices.hallId, hallId), isNull(devices.revokedAt)))
      .orderBy(asc(devices.id))
      .all();
    const deviceList = deviceRows.map((d) => {
      const open = sockets.get(d.id) ?? [];
      return {
        id: d.id,
        kind: d.kind,
        name: d.name,
        zone: d.zone,
        connected: open.length > 0,
        connections: open.length,
        connectedSince: open.length ? iso(Math.min(...open)) : null,
        lastSeenAt: open.length ? iso(now) : iso(d.lastSeenAt),
      };
    });
    const byId = new Map(deviceList.map((d) => [d.id, d]));

    // Printers and their queues.
    const queues = new Map(
      conn.db
        .select({
          printerId: printJobs.printerId,
          queued: sql<number>`sum(case when ${printJobs.status} in ('queued', 'sent') then 1 else 0 end)`,
          oldest: sql<number | null>`min(case when ${printJobs.status} in ('queued', 'sent') then ${printJobs.createdAt} end)`,
          printed: sql<number | null>`max(${printJobs.printedAt})`,
        })
        .from(printJobs)
        .where(eq(printJobs.hallId, hallId))
        .groupBy(printJobs.printerId)
        .all()
        .map((q) => [q.printerId, q]),
    );
    const printerList = conn.db
      .select()
      .from(printers)
      .where(eq(printers.hallId, hallId))
      .orderBy(asc(printers.id))
      .all()
      .map((p) => {
        const target = parseTarget(p.target);
        const q = queues.get(p.id);
        const lastError =
          conn.db
            .select({ e: printJobs.lastError })
            .from(printJobs)
            .where(and(eq(printJobs.printerId, p.id), sql`${printJobs.lastError} is not null`))
            .orderBy(sql`${printJobs.updatedAt} desc`)
            .limit(1)
            .get()?.e ?? null;
        const agentDevice = target?.kind === 'agent' ? byId.get(target.deviceId) : undefined;
        if (p.active && (p.status === 'offline' || p.status === 'paper_out')) problems.push(`printer ${p.name} is ${p.status}`);
        return {
          id: p.id,
          name: p.name,
          target: p.target,
          kind: target?.kind ?? 'invalid',
          kioskId: p.kioskId,
          active: p.active,
          status: p.status,
          queued: Number(q?.queued ?? 0),
          oldestQueuedAt: iso(q?.oldest),
          lastPrintedAt: iso(q?.printed),
          lastError,
          ...(target?.kind === 'agent'
            ? { agent: { deviceId: target.deviceId, connected: agentDevice?.connected ?? false, lastSeenAt: agentDevice?.lastSeenAt ?? null } }
            : {}),
        };
      });

    const mem = process.memoryUsage();
    const window = previous ?? { mean: loop.mean, p99: loop.percentile(99), max: loop.max };
    return {
      status: problems.length ? ('warning' as const) : ('ok' as const),
      problems,
      version: VERSION,
      node: process.version,
      uptimeS: Math.round(process.uptime()),
      serverTime: isoInZone(now, tz),
      eventLoopDelayMs: { mean: ms(window.mean), p99: ms(window.p99), max: ms(window.max), windowS: WINDOW_MS / 1000 },
      memory: { rssBytes: mem.rss, heapUsedBytes: mem.heapUsed },
      database: {
        file,
        ...size,
        pageCount,
        freePages,
        migrations: { applied: migrations.applied, pending: migrations.pending.map((m) => m.tag), latest: migrations.latest?.tag ?? null },
        ...(integrity !== undefined ? { integrity } : {}),
        disk: dataDisk,
      },
      lastBackup: last ? { at: iso(last.at)!, file: last.file, sizeBytes: last.sizeBytes } : null,
      backups: {
        dir: app.backups.dir,
        at: app.backups.at,
        keep: app.backups.keep,
        lastError: lastError ? { at: iso(lastError.at)!, message: lastError.message } : null,
        disk: disk(app.backups.dir),
      },
      printers: printerList,
      devices: deviceList,
    };
  });
}
