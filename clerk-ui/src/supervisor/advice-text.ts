import type { AdviceItem } from '../../../server/protocol/advice.js';
import type { Service } from '../../../server/protocol/schemas.js';
import { arabicCount, formatNumber, labelled, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { counterName, isolate, minutes, serviceName } from '../text.js';

// The staffing advice in plain words (issue 18), e.g.
// «الشباك ٤: أضف خدمة الوثائق المدنية لنحو ٤٠ دقيقة — الانتظار فيها ٢٢ ← ٩ دقائق، وغيرها +١»
// "Counter 4: also serve Civil documents for ~40 min — its wait 22 → 9 min, others +1",
// «Guichet 4 : servir aussi « Documents civils » pendant ~40 min — attente 22 → 9 min, autres +1».

const toMinutes = (s: number) => Math.round(s / 60);

/** «X وY وZ» / "X, Y and Z" / « X, Y et Z ». */
const names = (list: string[], lang: Lang) => new Intl.ListFormat({ ar: 'ar', en: 'en-GB', fr: 'fr' }[lang]).format(list);

/** A service's name as a sentence quotes it: bare in Arabic and English, « between guillemets » in French. */
const quoted = (name: string, lang: Lang) => (lang === 'fr' ? `«\u00a0${isolate(name)}\u00a0»` : isolate(name));

/** «لخدمة X» / «لخدمتَي X وY» / «لخدمات X وY وZ». */
function forServicesAr(list: string[]): string {
  const noun = list.length === 1 ? 'لخدمة' : list.length === 2 ? 'لخدمتَي' : 'لخدمات';
  return `${noun} ${names(list, 'ar')}`;
}

/** «لنحو ٤٠ دقيقة» / "for ~40 min" / « pendant ~40 min ». */
function forAbout(n: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return `for ~${n} min`;
  if (lang === 'fr') return `pendant ~${n}\u00a0min`;
  return `لنحو ${arabicCount(n, digits, { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' })}`;
}

/** «الانتظار فيها ٢٢ ← ٩ دقائق، وغيرها +١» / "its wait 22 → 9 min, others +1" / « attente 22 → 9 min, autres +1 ». */
function effectText(advice: AdviceItem, services: Service[], lang: Lang, digits: Digits): string {
  const { serviceId, waitBeforeS, waitAfterS, othersDeltaS } = advice.effect;
  const own = advice.kind !== 'open-counter' && advice.serviceIds[0] === serviceId;
  const before = formatNumber(toMinutes(waitBeforeS), lang, digits);
  const after = minutes(toMinutes(waitAfterS), lang, digits);
  const delta = toMinutes(othersDeltaS);
  const others = `${delta < 0 ? '−' : '+'}${formatNumber(Math.abs(delta), lang, digits)}`;
  const helped = quoted(serviceName(services, serviceId, lang), lang);
  if (lang === 'en') {
    return `${own ? 'its' : helped} wait ${before} → ${after}, ${delta === 0 ? 'others unchanged' : `others ${others}`}`;
  }
  if (lang === 'fr') {
    return `attente${own ? '' : ` de ${helped}`} ${before} → ${after}, ${delta === 0 ? 'autres inchangées' : `autres ${others}`}`;
  }
  return `الانتظار ${own ? 'فيها' : `في ${helped}`} ${before} ← ${after}، ${delta === 0 ? 'ولا يتغيّر غيرها' : `وغيرها ${others}`}`;
}

/** One recommendation as the supervisor reads it. */
export function adviceText(advice: AdviceItem, services: Service[], lang: Lang, digits: Digits): string {
  const service = (id: number) => quoted(serviceName(services, id, lang), lang);
  const counter = advice.counterNumber === null ? null : counterName(advice.counterNumber, lang, digits);
  let act: string;
  if (advice.kind === 'open-counter') {
    const list = advice.serviceIds.map(service);
    if (lang === 'en') act = `Open ${counter ? `counter ${advice.counterNumber}` : 'one more counter'} for ${names(list, 'en')}`;
    else if (lang === 'fr') act = `Ouvrir ${counter ? `le guichet ${advice.counterNumber}` : 'un guichet de plus'} pour ${names(list, 'fr')}`;
    else act = `افتح ${counter ?? 'شباكاً آخر'} ${forServicesAr(list)}`;
  } else {
    const what = service(advice.serviceIds[0]!);
    const span = forAbout(advice.forMinutes ?? 0, lang, digits);
    const verb = {
      'add-service': { ar: `أضف خدمة ${what}`, en: `also serve ${what}`, fr: `servir aussi ${what}` },
      'drop-service': { ar: `أوقف خدمة ${what}`, en: `stop serving ${what}`, fr: `ne plus servir ${what}` },
    }[advice.kind][lang];
    act = `${labelled(counter!, lang)}${verb} ${span}`;
  }
  return `${act} — ${effectText(advice, services, lang, digits)}`;
}
