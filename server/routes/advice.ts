import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adviceItems, adviceLogEntries, adviceLogEntry, applyAdvice, dismissAdvice } from '../hall/advice.js';
import { counterView } from '../hall/views.js';
import { getCounter } from '../hall/state.js';
import { AdviceList, AdviceLogEntry } from '../protocol/advice.js';
import { Counter, ErrorBody, IdParams } from '../protocol/schemas.js';
import { who } from './request.js';

const LogQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const Applied = z.object({
  advice: AdviceLogEntry,
  /** The counter as it now is (add-service, drop-service); null for open-counter, which a person opens. */
  counter: Counter.nullable(),
});
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Supervisors: the staffing advice shown now, taking or dismissing it, and its log. */
export default async function adviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authorize({ role: 'supervisor' }));

  app.get('/', { schema: { response: { 200: AdviceList } } }, async (request) => adviceItems(app.conn, who(request).hallId));

  app.get('/log', { schema: { querystring: LogQuery, response: { 200: z.array(AdviceLogEntry), ...errors } } }, async (request) =>
    adviceLogEntries(app.conn, who(request).hallId, request.query.limit),
  );

  app.post('/:id/apply', { schema: { params: IdParams, response: { 200: Applied, ...errors } } }, async (request) => {
    const { hallId, actor } = who(request);
    let applied;
    try {
      applied = applyAdvice(app.conn, app.now(), hallId, request.params.id, actor);
    } finally {
      // Applied, or found stale and expired: either way the advice shown changed.
      app.realtime.publishAdvice(hallId);
    }
    const { row, effects } = applied;
    app.realtime.publish(hallId, effects);
    const counter = row.kind === 'open-counter' ? null : counterView(app.conn, getCounter(app.conn, hallId, row.counterId!));
    return { advice: adviceLogEntry(app.conn, hallId, row), counter };
  });

  app.post('/:id/dismiss', { schema: { params: IdParams, response: { 200: AdviceLogEntry, ...errors } } }, async (request) => {
    const { hallId, actor } = who(request);
    const row = dismissAdvice(app.conn, app.now(), hallId, request.params.id, actor);
    app.realtime.publishAdvice(hallId);
    return adviceLogEntry(app.conn, hallId, row);
  });
}
