import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../hall/errors.js';
import { CityArrivalsQuery, CityHistogramsQuery, CitySummary, CitySummaryQuery } from '../../protocol/city.js';
import { Arrivals, Histograms, type Summary } from '../../protocol/reports.js';
import { csvFileName, summaryCsv } from '../../reports/csv.js';
import { listHalls, newestCatalogue } from '../halls.js';
import { cityArrivals, cityHistograms, citySummary } from '../reports.js';

/** City reports across halls (city staff), with the hall's definitions; CSV and charts as a hall's. */
export default async function cityReportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = app.allow({ role: 'clerk' });

  /** Every hall, or the one asked for. */
  async function hallsOf(hallId: number | undefined) {
    const halls = await listHalls(app.city.db);
    if (hallId === undefined) return halls;
    const one = halls.filter((h) => h.id === hallId);
    if (one.length === 0) throw notFound('hall', hallId);
    return one;
  }

  app.get('/reports/summary', { preHandler: staff, schema: { querystring: CitySummaryQuery, response: { 200: z.union([CitySummary, z.string().describe('CSV (format=csv)')]) } } }, async (request, reply) => {
    const { hallId, format, lang, ...q } = request.query;
    const halls = await hallsOf(hallId);
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

  app.get('/reports/histograms', { preHandler: staff, schema: { querystring: CityHistogramsQuery, response: { 200: Histograms } } }, async (request) => {
    const { hallId, ...q } = request.query;
    return cityHistograms(app.city.pool, await hallsOf(hallId), q, app.now());
  });

  app.get('/reports/arrivals', { preHandler: staff, schema: { querystring: CityArrivalsQuery, response: { 200: Arrivals } } }, async (request) => {
    const { hallId, ...q } = request.query;
    return cityArrivals(app.city.pool, await hallsOf(hallId), q, app.now());
  });
}
