import type { AdviceItem } from '../../../server/protocol/advice.js';
import type { Service } from '../../../server/protocol/schemas.js';
import { arabicCount, formatNumber, type Digits, type StaffLang } from '../../../ui-kit/i18n.js';
import { counterName, isolate, minutes, serviceName } from '../text.js';

// The staffing advice in plain words (issue 18), e.g.
// «الشباك ٤: أضف خدمة الوثائق المدنية لنحو ٤٠ دقيقة — الانتظار فيها ٢٢ ← ٩ دقائق، وغيرها +١»
// "Counter 4: also serve Civil documents for ~40 min — its wait 22 → 9 min, others +1".

const toMinutes = (s: number) => Math.round(s / 60);

/** «X وY وZ» / "X, Y and Z". */
const names = (list: string[], lang: StaffLang) => new Intl.ListFormat(lang === 'ar' ? 'ar' : 'en-GB').format(list);

/** «لخدمة X» / «لخدمتَي X وY» / «لخدمات X وY وZ». */
function forServicesAr(list: string[]): string {
  const noun = list.length === 1 ? 'لخدمة' : list.length === 2 ? 'لخدمتَي' : 'لخدمات';
  return `${noun} ${names(list, 'ar')}`;
}

/** «لنحو ٤٠ دقيقة» / "for ~40 min". */
function forAbout(n: number, lang: StaffLang, digits: Digits): string {
  if (lang === 'en') return `for ~${n} min`;
  return `لنحو ${arabicCount(n, digits, { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}`;
}

/** «الانتظار فيها ٢٢ ← ٩ دقائق، وغيرها +١» / "its wait 22 → 9 min, others +1". */
function effectText(advice: AdviceItem, services: Service[], lang: StaffLang, digits: Digits): string {
  const { serviceId, waitBeforeS, waitAfterS, othersDeltaS } = advice.effect;
  const own = advice.kind !== 'open-counter' && advice.serviceIds[0] === serviceId;
  const before = formatNumber(toMinutes(waitBeforeS), lang, digits);
  const after = minutes(toMinutes(waitAfterS), lang, digits);
  const delta = toMinutes(othersDeltaS);
  const others = `${delta < 0 ? '−' : '+'}${formatNumber(Math.abs(delta), lang, digits)}`;
  const helped = isolate(serviceName(services, serviceId, lang));
  if (lang === 'en') {
    return `${own ? 'its' : helped} wait ${before} → ${after}, ${delta === 0 ? 'others unchanged' : `others ${others}`}`;
  }
  return `الانتظار ${own ? 'فيها' : `في ${helped}`} ${before} ← ${after}، ${delta === 0 ? 'ولا يتغيّر غيرها' : `وغيرها ${others}`}`;
}

/** One recommendation as the supervisor reads it. */
export function adviceText(advice: AdviceItem, services: Service[], lang: StaffLang, digits: Digits): string {
  const service = (id: number) => isolate(serviceName(services, id, lang));
  const counter = advice.counterNumber === null ? null : counterName(advice.counterNumber, lang, digits);
  let act: string;
  if (advice.kind === 'open-counter') {
    const list = advice.serviceIds.map(service);
    if (lang === 'en') act = `Open ${counter ? `counter ${advice.counterNumber}` : 'one more counter'} for ${names(list, 'en')}`;
    else act = `افتح ${counter ?? 'شباكاً آخر'} ${forServicesAr(list)}`;
  } else {
    const what = service(advice.serviceIds[0]!);
    const span = forAbout(advice.forMinutes ?? 0, lang, digits);
    const verb = advice.kind === 'add-service' ? (lang === 'ar' ? `أضف خدمة ${what}` : `also serve ${what}`) : lang === 'ar' ? `أوقف خدمة ${what}` : `stop serving ${what}`;
    act = `${counter}: ${verb} ${span}`;
  }
  return `${act} — ${effectText(advice, services, lang, digits)}`;
}
