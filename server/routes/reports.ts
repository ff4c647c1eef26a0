import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hallIdOf } from '../plugins/auth.js';
import { HttpError } from '../plugins/errors.js';
import { ErrorBody } from '../protocol/schemas.js';
import { AppointmentsReport, AppointmentsReportQuery, Arrivals, ArrivalsQuery, Histograms, HistogramsQuery, Retention, Summary, SummaryQuery } from '../protocol/reports.js';
import { appointmentsReport } from '../reports/appointments.js';
import { arrivals, histograms } from '../reports/charts.js';
import { appointmentsCsv, csvFileName, summaryCsv } from '../reports/csv.js';
import { getRetention, setRetention } from '../reports/retention.js';
import { summary } from '../reports/summary.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** Reports for supervisors and admins (/api/reports). Days are the hall's local days. */
export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authorize({ role: 'supervisor' }));

  app.get(
    '/summary',
    { schema: { querystring: SummaryQuery, response: { 200: z.union([Summary, z.string().describe('CSV (format=csv)')]), ...errors } } },
    async (request, reply) => {
      const { format, lang, ...q } = request.query;
      const report = await summary(app.conn, hallIdOf(request), q, app.now());
      if (format === 'json') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(report)}"`)
        .send(summaryCsv(report, lang));
    },
  );

  app.get(
    '/appointments',
    { schema: { querystring: AppointmentsReportQuery, response: { 200: z.union([AppointmentsReport, z.string().describe('CSV (format=csv)')]), ...errors } } },
    async (request, reply) => {
      const { format, lang, from, to } = request.query;
      const report = appointmentsReport(app.conn, hallIdOf(request), { from, to });
      if (format === 'json') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dawr-appointments-${from}_${to}.csv"`)
        .send(appointmentsCsv(report, lang));
    },
  );

  app.get('/histograms', { schema: { querystring: HistogramsQuery, response: { 200: Histograms, ...errors } } }, async (request) =>
    histograms(app.conn, hallIdOf(request), request.query, app.now()),
  );

  app.get('/arrivals', { schema: { querystring: ArrivalsQuery, response: { 200: Arrivals, ...errors } } }, async (request) =>
    arrivals(app.conn, hallIdOf(request), request.query, app.now()),
  );

  app.get('/retention', { schema: { response: { 200: Retention, ...errors } } }, async (request) =>
    getRetention(app.conn, hallIdOf(request)),
  );

  app.put('/retention', { schema: { body: Retention, response: { 200: Retention, ...errors } } }, async (request) => {
    const p = request.principal;
    if (p?.kind !== 'user' || p.role !== 'admin') throw new HttpError(403, 'forbidden', 'only an admin may change how long records are kept');
    return setRetention(app.conn, hallIdOf(request), request.body.retentionDays);
  });
}
