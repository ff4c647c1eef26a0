import { generateMixtureDay, describeMixtureHall, mixtureStats } from '../day/mixtures.js';
import { jitterTrace } from '../day/jitter.js';
import { buildDay } from './day.js';
import { report, runDay } from './run.js';
import { shortfall } from './bar.js';
for (const s of [1,2,3,4,5,6]) {
  const t0 = Date.now();
  const f = generateMixtureDay(s);
  for (const tr of [f.trace, jitterTrace(f.trace, s)]) {
  const d = buildDay(f.roster, tr);
  const r = report(runDay(d, { estimates: false }));
  console.log(s, describeMixtureHall(f.hall), f.hall.services.map(x=>x.cv+'/'+x.longS).join(' '), d.visitors.length, Date.now()-t0, 'ms', r.policies.default.withinTargetPct, ['within','mean','longest'].map(c=>shortfall(r,'default',c as any)?.toFixed(1)));
  }
}
