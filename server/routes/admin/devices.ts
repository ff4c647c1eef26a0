import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Connection } from '../../../db/connection.js';
import { devices } from '../../../db/schema.js';
import { notFound } from '../../hall/errors.js';
import { hallIdOf } from '../../plugins/auth.js';
import { IdParams } from '../../protocol/schemas.js';
import { hashToken, newToken } from '../../security.js';
import { Device, DeviceKind, NewDevice, deviceView, text } from './views.js';

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
    const token = newToken('dev');
    const row = conn.db
      .insert(devices)
      .values({ hallId: hallIdOf(request), kind, name, zone: zone ?? null, tokenHash: hashToken(token) })
      .returning()
      .get();
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
    const device = getDevice(conn, hallIdOf(request), request.params.id);
    if (device.revokedAt != null) return deviceView(conn, device);
    const row = conn.db.update(devices).set({ revokedAt: app.now() }).where(eq(devices.id, device.id)).returning().get();
    app.realtime.disconnect({ deviceId: device.id });
    return deviceView(conn, row);
  });
}
