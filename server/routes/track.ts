import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HallError } from '../hall/errors.js';
import { forgetPhone, savePhone } from '../hall/notify.js';
import { addComment, rateVisit } from '../hall/ratings.js';
import { actOnTicket } from '../hall/ticket-actions.js';
import { findTracked } from '../hall/tracking.js';
import { trackedView } from '../hall/views.js';
import { CommentBody, ErrorBody, PhoneBody, RatingBody, TrackedTicket } from '../protocol/schemas.js';

const Params = z.object({ trackingCode: z.string().min(1).max(64) });

/** Anonymous callers are limited per address; staff and devices are not. */
const limit = (max: number) => ({
  rateLimit: { max, timeWindow: '1 minute', allowList: (req: FastifyRequest) => req.principal !== null },
});

const answers = { 200: TrackedTicket, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * Anyone with a ticket's code: its state (nothing personal), and what the citizen may do with it:
 * rate the visit (and add a comment), leave the queue, leave a phone number for the notification hook. Codes expire
 * with the business day (see hall/tracking.ts).
 */
export default async function trackRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const ticketOf = (code: string, now: number) => {
    const ticket = findTracked(app.conn, code, now, app.hallId);
    if (!ticket) throw new HallError('not_found', 'no ticket with that tracking code today');
    return ticket;
  };
  const viewOf = (code: string) => {
    const now = app.now();
    return trackedView(app.conn, ticketOf(code, now), now);
  };

  app.get('/:trackingCode', { config: limit(60), schema: { params: Params, response: answers } }, async (request) =>
    viewOf(request.params.trackingCode),
  );

  app.post(
    '/:trackingCode/rating',
    { config: limit(20), schema: { params: Params, body: RatingBody, response: answers } },
    async (request) => {
      const now = app.now();
      rateVisit(app.conn, now, ticketOf(request.params.trackingCode, now), request.body);
      return viewOf(request.params.trackingCode);
    },
  );

  app.post(
    '/:trackingCode/comment',
    { config: limit(20), schema: { params: Params, body: CommentBody, response: answers } },
    async (request) => {
      addComment(app.conn, ticketOf(request.params.trackingCode, app.now()).id, request.body.comment);
      return viewOf(request.params.trackingCode);
    },
  );

  app.post('/:trackingCode/cancel', { config: limit(20), schema: { params: Params, response: answers } }, async (request) => {
    const now = app.now();
    const ticket = ticketOf(request.params.trackingCode, now);
    const { effects } = actOnTicket(app.conn, now, ticket.hallId, ticket.id, 'cancel', {}, { by: 'citizen' });
    app.realtime.publish(ticket.hallId, effects);
    return viewOf(request.params.trackingCode);
  });

  app.post(
    '/:trackingCode/phone',
    { config: limit(20), schema: { params: Params, body: PhoneBody, response: answers } },
    async (request) => {
      const now = app.now();
      const ticket = ticketOf(request.params.trackingCode, now);
      savePhone(app.conn, now, ticket.id, request.body.phone);
      app.notify.check(ticket.hallId);
      return viewOf(request.params.trackingCode);
    },
  );

  app.delete('/:trackingCode/phone', { config: limit(20), schema: { params: Params, response: answers } }, async (request) => {
    forgetPhone(app.conn, ticketOf(request.params.trackingCode, app.now()).id);
    return viewOf(request.params.trackingCode);
  });
}
