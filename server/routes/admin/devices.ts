import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { devices } from '../../../db/schema.js';
import { notFound } from '../../hall/errors.js';
import { hallIdOf } from '../../plugins/auth.js';
import { DevicePatch } from '../../protocol/admin.js';
import { IdParams } from '../../protocol/schemas.js';
import { hashToken, newToken } from '../../security.js';
import { changeBy, recordAdminChange } from './record.js';
import { Device, DeviceKind, NewDevice, changes, deviceView, text } from './views.js';

const CreateDevice = z.object({
  kind: DeviceKind,
  name: text(100),
  zone: text(50).nullish(),
});

export function getDevice({ db }: Connection, hallId: number, deviceId: number) {
  const device = db
    .select()
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.hallId, hallId)))
    .get();
  if (!device) throw notFound('device', deviceId);
  return device;
}

export default async function deviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  /** The token is answered here and only here; the database keeps its digest. */
  app.post('/devices', { schema: { body: CreateDevice, response: { 201: NewDevice } } }, async (request, reply) => {
    const { kind, name, zone } = request.body;
    const by = changeBy(request);
    const token = newToken('dev');
    const row = inTransaction(conn, () => {
      const created = conn.db
        .insert(devices)
        .values({ hallId: by.hallId, kind, name, zone: zone ?? null, tokenHash: hashToken(token) })
        .returning()
        .get();
      recordAdminChange(conn, { ...by, action: 'create', entity: 'device', entityId: created.id, details: { label: name, kind, zone } });
      return created;
    });
    return reply.status(201).send({ ...deviceView(conn, row), token });
  });

  app.get('/devices', { schema: { response: { 200: z.array(Device) } } }, async (request) =>
    conn.db
      .select()
      .from(devices)
      .where(eq(devices.hallId, hallIdOf(request)))
      .orderBy(asc(devices.id))
      .all()
      .map((d) => deviceView(conn, d)),
  );

  app.post('/devices/:id/revoke', { schema: { params: IdParams, response: { 200: Device } } }, async (request) => {
    const by = changeBy(request);
    const device = getDevice(conn, by.hallId, request.params.id);
    if (device.revokedAt != null) return deviceView(conn, device);
    const row = inTransaction(conn, () => {
      recordAdminChange(conn, { ...by, action: 'revoke', entity: 'device', entityId: device.id, details: { label: device.name, kind: device.kind } });
      return conn.db.update(devices).set({ revokedAt: by.at }).where(eq(devices.id, device.id)).returning().get();
    });
    app.realtime.disconnect({ deviceId: device.id });
    return deviceView(conn, row);
  });

  /** Renames a device or moves it to another zone; its sockets reconnect to hear the new zone. */
  app.patch('/devices/:id', { schema: { params: IdParams, body: DevicePatch, response: { 200: Device } } }, async (request) => {
    const by = changeBy(request);
    const device = getDevice(conn, by.hallId, request.params.id);
    const set = changes({ name: request.body.name, zone: request.body.zone });
    if (!set) return deviceView(conn, device);
    const row = inTransaction(conn, () => {
      recordAdminChange(conn, { ...by, action: 'update', entity: 'device', entityId: device.id, details: { label: device.name, ...request.body } });
      return conn.db.update(devices).set(set).where(eq(devices.id, device.id)).returning().get();
    });
    if (set.zone !== undefined && set.zone !== device.zone) app.realtime.disconnect({ deviceId: device.id });
    return deviceView(conn, row);
  });
}
