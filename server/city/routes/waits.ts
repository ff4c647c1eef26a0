import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CityWaits } from '../../protocol/city.js';
import { listHalls } from '../halls.js';
import { hallWaits } from '../waits.js';

const CACHE_MS = 10_000;

/** What a citizen needs to choose a centre: anyone, rate-limited, from the halls' last statuses (cached 10 s). */
export default async function waitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The answer being read is shared too: a thousand phones at once make one query.
  let cached: { at: number; answer: Promise<CityWaits> } | null = null;

  app.get('/waits', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { response: { 200: CityWaits } } }, async (_request, reply) => {
    const now = app.now();
    if (!cached || now - cached.at >= CACHE_MS) {
      const answer = listHalls(app.city.db).then((halls) => ({ halls: halls.map((hall) => hallWaits(hall, now)) }));
      cached = { at: now, answer };
      answer.catch(() => {
        if (cached?.answer === answer) cached = null;
      });
    }
    const { at, answer } = cached;
    // Proxies and phones may keep it only as long as it has left to live here.
    reply.header('cache-control', `public, max-age=${Math.ceil((at + CACHE_MS - now) / 1000)}`);
    return answer;
  });
}
