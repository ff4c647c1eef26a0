import { ROUTING_POLICIES } from '../../server/engine/types.js';
import { barVerdicts, PEERS } from './bar.js';
import { APPOINTMENT_PUNCTUAL_S, figures, type Figures } from './metrics.js';
import { policiesFor, type DayReport, type DayRuns, type Sizing } from './run.js';

// The readable report: one table for the policies, one per service, and who wins what.

export function fmtS(s: number | null): string {
  if (s === null) return '—';
  if (s < 60) return `${s.toFixed(1)}s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function policyRow(name: string, f: Figures): string[] {
  return [
    name,
    `${f.withinTargetPct}%`,
    fmtS(f.meanWaitS),
    fmtS(f.p90WaitS),
    fmtS(f.maxWaitS),
    fmtS(f.priorityMeanWaitS),
    fmtS(f.etaMaeS),
    fmtS(f.etaNaiveMaeS),
    String(f.served),
    String(f.unserved),
    String(f.idleWhileEligible),
  ];
}

/** Does default meet the bar against each peer? One line per criterion. */
export function verdicts(r: DayReport, meanSlackPct = 3): string[] {
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO ');
  const out: string[] = [];
  for (const v of barVerdicts(r, meanSlackPct)) {
    if (v.ok === null) continue;
    const show = v.criterion === 'within' ? (x: number | null) => `${x}%` : fmtS;
    const label = {
      within: 'within target',
      mean: `mean wait within ${meanSlackPct}% of the best peer`,
      longest: 'longest wait',
      priority: 'priority mean wait',
    }[v.criterion];
    out.push(`${mark(v.ok)} ${label}: default ${show(v.own)} vs ${PEERS.map((p) => `${p} ${show(v.peers[p] ?? null)}`).join(', ')}`);
  }
  const etaOk = ROUTING_POLICIES.every((p) => (r.policies[p].etaMaeS ?? 0) < (r.policies[p].etaNaiveMaeS ?? Infinity));
  out.push(`${mark(etaOk)} estimate beats the naive one for every policy (etaMaeS < etaNaiveMaeS)`);
  const idleOk = [...ROUTING_POLICIES.map((p) => r.policies[p]), r.references.pooledFcfs].every((f) => f.idleWhileEligible === 0);
  out.push(`${mark(idleOk)} idleWhileEligible = 0 for every run`);
  return out;
}

function winners(r: DayReport): string[] {
  const all = ROUTING_POLICIES.map((p) => [p, r.policies[p]] as const);
  const best = (label: string, value: (f: Figures) => number | null, higher = false) => {
    const scored = all.filter(([, f]) => value(f) !== null).map(([p, f]) => [p, value(f)!] as const);
    if (scored.length === 0) return null;
    const top = higher ? Math.max(...scored.map(([, v]) => v)) : Math.min(...scored.map(([, v]) => v));
    return `${label}: ${scored.filter(([, v]) => v === top).map(([p]) => p).join(', ')}`;
  };
  return [
    best('most visitors within target', (f) => f.withinTargetPct, true),
    best('lowest mean wait', (f) => f.meanWaitS),
    best('lowest 90th percentile', (f) => f.p90WaitS),
    best('lowest longest wait', (f) => f.maxWaitS),
    best('lowest priority mean wait', (f) => f.priorityMeanWaitS),
    best('most accurate printed estimate', (f) => f.etaMaeS),
  ].filter((l): l is string => l !== null);
}

export function renderReport(runs: DayRuns, r: DayReport, title: string): string {
  const header = ['policy', 'within', 'mean', 'p90', 'max', 'priority', 'etaMAE', 'naiveMAE', 'served', 'unserved', 'idle'];
  const policies = policiesFor(runs.day);
  const rows = policies.map((p) => policyRow(p, r.policies[p]!));
  rows.push(policyRow('(pooledFcfs)', r.references.pooledFcfs));
  const out = [title, '', table(header, rows), ''];
  if (policies.includes('strict-appointments')) {
    const apptHeader = ['policy', 'appointments', `called ≤ ${APPOINTMENT_PUNCTUAL_S / 60} min after slot`, 'mean lateness', 'walk-ins within', 'walk-ins mean', 'walk-ins max'];
    const apptRows = policies.map((p) => {
      const { appointments: a, walkIns: w } = r.policies[p]!;
      return [p, String(a!.count), `${a!.punctualPct}%`, fmtS(a!.meanLatenessS), `${w!.withinTargetPct}%`, fmtS(w!.meanWaitS), fmtS(w!.maxWaitS)];
    });
    out.push('Appointments and walk-ins:', '', table(apptHeader, apptRows), '');
  }

  const svcHeader = ['service', 'visitors', 'target', ...ROUTING_POLICIES.map((p) => `${p} within/mean/max`)];
  const svcRows = runs.day.services.map((s) => {
    const n = runs.day.visitors.filter((v) => v.serviceId === s.id).length;
    const cells = ROUTING_POLICIES.map((p) => {
      const f = figures(runs.day, runs.runs[p], (v) => v.serviceId === s.id);
      return `${f.withinTargetPct}% ${fmtS(f.meanWaitS)} ${fmtS(f.maxWaitS)}`;
    });
    return [s.code, String(n), fmtS(s.targetWaitS), ...cells];
  });
  out.push('Per service (served visitors):', '', table(svcHeader, svcRows), '');
  out.push('Who wins what:', ...winners(r).map((l) => `  ${l}`), '');
  out.push('Default against the peers:', ...verdicts(r).map((l) => `  ${l}`));
  return out.join('\n');
}

export function renderSizing(s: Sizing, rosterCounters: number): string {
  const per = Object.entries(s.withinTargetPct).map(([code, pct]) => `${code} ${pct}%`).join(', ');
  if (s.counters === null) return `No roster of up to the tried size meets every service's target for ${s.sharePct}% of visitors (policy ${s.policy}); at the largest: ${per}.`;
  return `Fewest counters (the roster's ${rosterCounters}, same mix of skills and shifts, scaled) meeting every service's target for ${s.sharePct}% of its visitors with policy ${s.policy}: ${s.counters}. Within target: ${per}.`;
}

