import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { supervisorBoard } from '../hall/board.js';
import { setCounterServices } from '../hall/counters.js';
import { closeServiceToday } from '../hall/services.js';
import { actOnTicket, moveTicket } from '../hall/ticket-actions.js';
import { counterView, serviceList, ticketView } from '../hall/views.js';
import { Counter, ErrorBody, Id, IdParams, Service, SupervisorBoard, Ticket } from '../protocol/schemas.js';
import { refreshDisplays } from './admin/hall.js';
import { who } from './request.js';

const Note = z.string().trim().max(500);
const CancelBody = z.object({ note: Note.optional() }).nullish();
const MoveBody = z.object({ serviceId: Id, note: Note.optional() });
/** In the counter's order of preference: the first is served first. */
const CounterServicesBody = z.object({
  serviceIds: z
    .array(Id)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a service twice'),
});
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Supervisors: the hall's board, and acts beyond one counter. */
export default async function supervisorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authorize({ role: 'supervisor' }));

  app.get('/supervisor/board', { schema: { response: { 200: SupervisorBoard } } }, async (request) => {
    const { hallId } = who(request);
    return supervisorBoard(app.conn, app.now(), hallId, app.realtime.connectedDisplays());
  });

  app.post(
    '/tickets/:id/cancel',
    { schema: { params: IdParams, body: CancelBody, response: { 200: Ticket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const details = request.body?.note ? { note: request.body.note } : null;
      const { value, effects } = actOnTicket(app.conn, now, hallId, request.params.id, 'cancel', actor, details);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );

  // Transfer moves a ticket at a counter; this moves one still waiting, keeping its place.
  app.post(
    '/tickets/:id/move',
    { schema: { params: IdParams, body: MoveBody, response: { 200: Ticket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const { serviceId, note } = request.body;
      const { value, effects } = moveTicket(app.conn, now, hallId, request.params.id, serviceId, actor, note ?? null);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );

  app.put(
    '/counters/:id/services',
    { schema: { params: IdParams, body: CounterServicesBody, response: { 200: Counter, ...errors } } },
    async (request) => {
      const { hallId } = who(request);
      const { value, effects } = setCounterServices(app.conn, app.now(), hallId, request.params.id, request.body.serviceIds);
      app.realtime.publish(hallId, effects);
      return counterView(app.conn, value);
    },
  );

  // Closed for the rest of the business day: no new tickets; the waiting are still served.
  for (const [method, closed] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/services/:id/close-today',
      schema: { params: IdParams, response: { 200: Service, ...errors } },
      handler: async (request) => {
        const { hallId } = who(request);
        const now = app.now();
        const { value, effects, notices } = closeServiceToday(app.conn, now, hallId, request.params.id, closed, app.notify.base(hallId));
        app.realtime.publish(hallId, effects);
        app.notify.send(hallId, notices);
        refreshDisplays(app, hallId); // the hall display marks it closed in its waiting row
        return serviceList(app.conn, hallId, now).find((s) => s.id === value.id)!;
      },
    });
  }
}
