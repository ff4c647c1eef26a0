import type { FastifyInstance } from 'fastify';
import { CityWaits } from '../../protocol/city.js';
import { listHalls } from '../halls.js';
import { hallWaits } from '../waits.js';

const CACHE_MS = 10_000;

/** What a citizen needs to choose a centre: anyone, rate-limited, from the halls' last statuses (cached 10 s). */
export default async function waitsRoutes(app: FastifyInstance) {
  // The answer is read, checked and written once per 10 s, and shared while being read: a thousand
  // phones at once make one query and one JSON text.
  let cached: { at: number; json: Promise<string> } | null = null;

  app.get('/waits', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { response: { 200: CityWaits } } }, async (_request, reply) => {
    const now = app.now();
    if (!cached || now - cached.at >= CACHE_MS) {
      const json = listHalls(app.city.db).then((halls) => JSON.stringify(CityWaits.parse({ halls: halls.map((hall) => hallWaits(hall, now)) })));
      cached = { at: now, json };
      json.catch(() => {
        if (cached?.json === json) cached = null;
      });
    }
    const { at, json } = cached;
    // Proxies and phones may keep it only as long as it has left to live here.
    reply.header('cache-control', `public, max-age=${Math.ceil((at + CACHE_MS - now) / 1000)}`);
    // A string skips the response serializer: it was checked against the schema when written.
    return reply.type('application/json; charset=utf-8').send(await json);
  });
}
