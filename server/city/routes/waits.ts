import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CityWaits } from '../../protocol/city.js';
import { isStale } from '../board.js';
import { listHalls } from '../halls.js';

const CACHE_MS = 10_000;

/** What a citizen needs to choose a centre: anyone, rate-limited, from the halls' last statuses (cached 10 s). */
export default async function waitsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  let cached: { at: number; answer: CityWaits } | null = null;

  app.get('/waits', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { response: { 200: CityWaits } } }, async () => {
    const now = app.now();
    if (cached && now - cached.at < CACHE_MS) return cached.answer;
    const halls = (await listHalls(app.city.db)).map((hall) => {
      const status = isStale(hall, now) ? null : hall.status;
      const services = (hall.status?.services ?? [])
        .filter((s) => s.active)
        .map((s) => ({ code: s.code, name: s.name, waiting: status ? s.waiting : null, estimatedWaitMinutes: status ? s.estimatedWaitMinutes : null }));
      return {
        id: hall.id,
        name: { ar: hall.nameAr, en: hall.nameEn },
        stale: status === null,
        openNow: status?.openNow ?? null,
        services,
        ...(status?.joinUrl ? { joinUrl: status.joinUrl } : {}),
      };
    });
    cached = { at: now, answer: { halls } };
    return cached.answer;
  });
}
