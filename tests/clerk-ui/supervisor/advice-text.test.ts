import { describe, expect, it } from 'vitest';
import { adviceText } from '../../../clerk-ui/src/supervisor/advice-text.js';
import type { AdviceItem } from '../../../server/protocol/advice.js';
import type { Service } from '../../../server/protocol/schemas.js';

// The staffing advice in plain words, as the supervisor's board shows it (issue 18).

const services = [
  { id: 3, name: { ar: 'الرسوم والضرائب', en: 'Fees and taxes', fr: 'Frais et taxes' } },
  { id: 4, name: { ar: 'الوثائق المدنية', en: 'Civil documents', fr: 'Documents civils' } },
  { id: 5, name: { ar: 'الشكاوى', en: 'Complaints', fr: 'Réclamations' } },
] as Service[];
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const base = { id: 1, counterId: 4, counterNumber: 4, forMinutes: 40, shownAt: '2026-11-29T10:00:00.000+03:00' };
const effect = (serviceId: number, othersDeltaS = 60) => ({ serviceId, waitBeforeS: 22 * 60, waitAfterS: 9 * 60, othersDeltaS });

describe('the advice in words', () => {
  it('adds a service: the issue’s own example, in Arabic with the hall’s digits and in English', () => {
    const add: AdviceItem = { ...base, kind: 'add-service', serviceIds: [4], effect: effect(4) };
    expect(plain(adviceText(add, services, 'ar', 'arab'))).toBe('الشباك ٤: أضف خدمة الوثائق المدنية لنحو ٤٠ دقيقة — الانتظار فيها ٢٢ ← ٩ دقائق، وغيرها +١');
    expect(plain(adviceText(add, services, 'en', 'arab'))).toBe('Counter 4: also serve Civil documents for ~40 min — its wait 22 → 9 min, others +1');
    expect(plain(adviceText(add, services, 'ar', 'latn'))).toBe('الشباك 4: أضف خدمة الوثائق المدنية لنحو 40 دقيقة — الانتظار فيها 22 ← 9 دقائق، وغيرها +1');
  });

  it('in French, the service « between guillemets », no-break spaces before « : » and « min »', () => {
    const add: AdviceItem = { ...base, kind: 'add-service', serviceIds: [4], effect: effect(4) };
    expect(plain(adviceText(add, services, 'fr', 'arab'))).toBe('Guichet 4\u00a0: servir aussi «\u00a0Documents civils\u00a0» pendant ~40\u00a0min — attente 22 → 9\u00a0min, autres +1');
    const drop: AdviceItem = { ...base, kind: 'drop-service', serviceIds: [3], forMinutes: 2, effect: effect(4, -120) };
    expect(plain(adviceText(drop, services, 'fr', 'arab'))).toBe(
      'Guichet 4\u00a0: ne plus servir «\u00a0Frais et taxes\u00a0» pendant ~2\u00a0min — attente de «\u00a0Documents civils\u00a0» 22 → 9\u00a0min, autres −2',
    );
    const open = (counterNumber: number | null, serviceIds: number[]): AdviceItem => ({ ...base, kind: 'open-counter', counterId: counterNumber, counterNumber, forMinutes: null, serviceIds, effect: effect(4, 0) });
    expect(plain(adviceText(open(7, [4, 3]), services, 'fr', 'arab'))).toBe(
      'Ouvrir le guichet 7 pour «\u00a0Documents civils\u00a0» et «\u00a0Frais et taxes\u00a0» — attente de «\u00a0Documents civils\u00a0» 22 → 9\u00a0min, autres inchangées',
    );
    expect(plain(adviceText(open(null, [4, 3, 5]), services, 'fr', 'arab'))).toMatch(
      /^Ouvrir un guichet de plus pour «\u00a0Documents civils\u00a0», «\u00a0Frais et taxes\u00a0» et «\u00a0Réclamations\u00a0» —/,
    );
  });

  it('drops a service, naming the service it helps', () => {
    const drop: AdviceItem = { ...base, kind: 'drop-service', serviceIds: [3], forMinutes: 2, effect: effect(4, -120) };
    expect(plain(adviceText(drop, services, 'ar', 'arab'))).toBe('الشباك ٤: أوقف خدمة الرسوم والضرائب لنحو دقيقتين — الانتظار في الوثائق المدنية ٢٢ ← ٩ دقائق، وغيرها −٢');
    expect(plain(adviceText(drop, services, 'en', 'arab'))).toBe('Counter 4: stop serving Fees and taxes for ~2 min — Civil documents wait 22 → 9 min, others −2');
  });

  it('opens a counter for one, two or more services, or one more counter', () => {
    const open = (counterNumber: number | null, serviceIds: number[]): AdviceItem => ({
      ...base,
      kind: 'open-counter',
      counterId: counterNumber,
      counterNumber,
      forMinutes: null,
      serviceIds,
      effect: effect(4, 0),
    });
    expect(plain(adviceText(open(7, [4, 3]), services, 'ar', 'arab'))).toBe('افتح الشباك ٧ لخدمتَي الوثائق المدنية والرسوم والضرائب — الانتظار في الوثائق المدنية ٢٢ ← ٩ دقائق، ولا يتغيّر غيرها');
    expect(plain(adviceText(open(7, [4]), services, 'ar', 'arab'))).toMatch(/^افتح الشباك ٧ لخدمة الوثائق المدنية —/);
    expect(plain(adviceText(open(null, [4, 3, 5]), services, 'ar', 'arab'))).toMatch(/^افتح شباكاً آخر لخدمات الوثائق المدنية والرسوم والضرائب والشكاوى —/);
    expect(plain(adviceText(open(7, [4, 3]), services, 'en', 'arab'))).toBe('Open counter 7 for Civil documents and Fees and taxes — Civil documents wait 22 → 9 min, others unchanged');
    expect(plain(adviceText(open(null, [4, 3, 5]), services, 'en', 'arab'))).toMatch(/^Open one more counter for Civil documents, Fees and taxes and Complaints —/);
  });
});
