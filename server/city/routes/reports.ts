import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../hall/errors.js';
import { CitySummary, CitySummaryQuery } from '../../protocol/city.js';
import type { Summary } from '../../protocol/reports.js';
import { csvFileName, summaryCsv } from '../../reports/csv.js';
import { listHalls, newestCatalogue } from '../halls.js';
import { citySummary } from '../reports.js';

/** City reports across halls (city staff), with the hall's definitions; CSV as a hall's. */
export default async function cityReportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/reports/summary', { preHandler: app.allow({ role: 'clerk' }), schema: { querystring: CitySummaryQuery, response: { 200: z.union([CitySummary, z.string().describe('CSV (format=csv)')]) } } }, async (request, reply) => {
    const { hallId, format, lang, ...q } = request.query;
    let halls = await listHalls(app.city.db);
    if (hallId !== undefined) {
      halls = halls.filter((h) => h.id === hallId);
      if (halls.length === 0) throw notFound('hall', hallId);
    }
    const catalogue = (await newestCatalogue(app.city.db))?.services ?? [];
    const summary = await citySummary(app.city.pool, halls, catalogue, q, app.now());
    if (format === 'csv') {
      // The CSV takes any grouping's rows: its columns are the figures, not the grouping.
      const asHall = summary as unknown as Summary;
      return reply
        .header('content-disposition', `attachment; filename="${csvFileName(asHall).replace('dawr-report', 'dawr-city-report')}"`)
        .type('text/csv; charset=utf-8')
        .send(summaryCsv(asHall, lang));
    }
    return summary;
  });
}
