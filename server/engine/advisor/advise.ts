import { MAX_ADVICE, SETTLE_MS, type Advice, type AdvisorInput } from './types.js';

// PLACEHOLDER (issue 18, being replaced by the advisor proper: forecast, screen, roll-out): the
// most loaded service per open counter, offered to an open counter qualified for it that serves
// the least loaded services. Same signature as the real one.
export function advise(input: AdvisorInput): Advice[] {
  const load = new Map<number, number>();
  for (const t of input.waiting) load.set(t.serviceId, (load.get(t.serviceId) ?? 0) + (input.durations.get(t.serviceId) ?? 0));
  const open = input.counters.filter((c) => c.state === 'open');
  const perCounter = (serviceId: number) => (load.get(serviceId) ?? 0) / Math.max(1, open.filter((c) => c.serviceIds.includes(serviceId)).length);
  const services = [...load.keys()].sort((a, b) => perCounter(b) - perCounter(a));
  const out: Advice[] = [];
  for (const serviceId of services) {
    const before = perCounter(serviceId);
    const helper = open
      .filter((c) => !c.serviceIds.includes(serviceId) && c.qualifiedServiceIds.includes(serviceId))
      .filter((c) => c.servicesChangedAt === null || input.now - c.servicesChangedAt >= SETTLE_MS)
      .filter((c) => !out.some((a) => a.kind !== 'open-counter' && a.counterId === c.id))
      .sort((a, b) => Math.max(0, ...a.serviceIds.map(perCounter)) - Math.max(0, ...b.serviceIds.map(perCounter)))[0];
    if (!helper || before < 4 * Math.max(0, ...helper.serviceIds.map(perCounter)) || before < 10 * 60_000) continue;
    const servers = open.filter((c) => c.serviceIds.includes(serviceId)).length;
    out.push({
      kind: 'add-service',
      counterId: helper.id,
      serviceId,
      forMinutes: 40,
      effect: { serviceId, waitBeforeS: Math.round(before / 1000), waitAfterS: Math.round((before * servers) / (servers + 1) / 1000), othersDeltaS: 60 },
    });
    if (out.length === MAX_ADVICE) break;
  }
  return out;
}
