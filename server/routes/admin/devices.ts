import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDevice, listDevices, patchDevice, revokeDevice, type DeviceChange } from '../../hall/admin/devices.js';
import { hallIdOf } from '../../plugins/auth.js';
import { DevicePatch } from '../../protocol/admin.js';
import { IdParams } from '../../protocol/schemas.js';
import { changeBy } from './record.js';
import { Device, DeviceKind, NewDevice, deviceView, text } from './views.js';

const CreateDevice = z.object({
  kind: DeviceKind,
  name: text(100),
  zone: text(50).nullish(),
});

export default async function deviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  /** Its sockets reconnect: a revoked one drops out, a moved one hears its new zone. */
  const answer = ({ device, disconnect }: DeviceChange) => {
    if (disconnect) app.realtime.disconnect({ deviceId: device.id });
    return deviceView(conn, device);
  };

  app.post('/devices', { schema: { body: CreateDevice, response: { 201: NewDevice } } }, async (request, reply) => {
    const { device, token } = createDevice(conn, request.body, changeBy(request));
    return reply.status(201).send({ ...deviceView(conn, device), token });
  });

  app.get('/devices', { schema: { response: { 200: z.array(Device) } } }, async (request) =>
    listDevices(conn, hallIdOf(request)).map((d) => deviceView(conn, d)),
  );

  app.post('/devices/:id/revoke', { schema: { params: IdParams, response: { 200: Device } } }, async (request) =>
    answer(revokeDevice(conn, request.params.id, changeBy(request))),
  );

  app.patch('/devices/:id', { schema: { params: IdParams, body: DevicePatch, response: { 200: Device } } }, async (request) =>
    answer(patchDevice(conn, request.params.id, request.body, changeBy(request))),
  );
}
