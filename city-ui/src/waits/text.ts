import { arabicCount, formatNumber, frenchCount, localeOf, type Digits, type Lang } from '../../../ui-kit/i18n.js';

// What /waits/ says: the council's plain Arabic, English and French.

export const W = {
  title: { ar: 'الانتظار في مراكز خدمة المواطن', en: 'Waiting times at citizen-service centres', fr: 'Temps d’attente dans les centres de service aux citoyens' },
  intro: { ar: 'اختر الخدمة لترى المراكز مرتبةً حسب مدة الانتظار الآن.', en: 'Choose a service to see the centres ordered by how long the wait is now.', fr: 'Choisissez un service pour voir les centres classés selon l’attente actuelle.' },
  chooseService: { ar: 'اختر الخدمة', en: 'Choose a service', fr: 'Choisissez un service' },
  changeService: { ar: 'تغيير الخدمة', en: 'Change service', fr: 'Changer de service' },
  centresFor: { ar: 'المراكز التي تقدّم هذه الخدمة', en: 'Centres offering this service', fr: 'Centres proposant ce service' },
  byWait: { ar: 'حسب مدة الانتظار', en: 'By waiting time', fr: 'Par temps d’attente' },
  nearest: { ar: 'الأقرب إليّ', en: 'Nearest to me', fr: 'Les plus proches' },
  locating: { ar: 'جارٍ تحديد موقعك…', en: 'Finding where you are…', fr: 'Recherche de votre position…' },
  locationPrivate: { ar: 'يبقى موقعك على هاتفك، ولا يُرسَل إلى أي جهة.', en: 'Your location stays on your phone and is sent nowhere.', fr: 'Votre position reste sur votre téléphone et n’est envoyée nulle part.' },
  noLocation: { ar: 'تعذّر تحديد موقعك، فبقيت المراكز مرتبةً حسب مدة الانتظار.', en: 'Your location could not be found, so the centres stay ordered by waiting time.', fr: 'Votre position n’a pas pu être trouvée\u00a0: les centres restent classés par temps d’attente.' },
  orderedByWait: { ar: 'مرتبة حسب مدة الانتظار، الأقصر أولاً.', en: 'Ordered by waiting time, shortest first.', fr: 'Classés par temps d’attente, le plus court d’abord.' },
  orderedByDistance: { ar: 'مرتبة حسب القرب منك، الأقرب أولاً.', en: 'Ordered by distance from you, nearest first.', fr: 'Classés par distance, le plus proche d’abord.' },
  openNow: { ar: 'مفتوح الآن', en: 'Open now', fr: 'Ouvert en ce moment' },
  closedNow: { ar: 'مغلق الآن', en: 'Closed now', fr: 'Fermé en ce moment' },
  noLiveData: { ar: 'لا بيانات حية الآن', en: 'No live data now', fr: 'Pas de données en direct pour le moment' },
  noEstimate: { ar: 'لا تقدير الآن', en: 'No estimate now', fr: 'Pas d’estimation pour le moment' },
  takeTicket: { ar: 'خذ رقماً هنا', en: 'Take a ticket here', fr: 'Prendre un ticket ici' },
  updated: { ar: 'حُدّثت الساعة', en: 'Updated at', fr: 'Mis à jour à' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…', fr: 'Chargement…' },
  failed: { ar: 'تعذّر تحميل البيانات، وسنحاول مجدداً بعد قليل.', en: 'The figures could not be loaded; we will try again shortly.', fr: 'Les données n’ont pas pu être chargées\u00a0; nouvel essai dans un instant.' },
  language: { ar: 'اللغة', en: 'Language', fr: 'Langue' },
  noCentres: { ar: 'لا توجد مراكز بعد.', en: 'There are no centres yet.', fr: 'Aucun centre pour l’instant.' },
} as const;

/** «ينتظر ٣ أشخاص» / "3 people waiting" / « 3 personnes en attente »; «لا أحد ينتظر» / "No one waiting" / « Personne n’attend ». */
export function waitingWords(n: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return n === 0 ? 'No one waiting' : `${n} ${n === 1 ? 'person' : 'people'} waiting`;
  if (lang === 'fr') return n === 0 ? 'Personne n’attend' : `${frenchCount(n, 'personne', 'personnes')} en attente`;
  if (n === 0) return 'لا أحد ينتظر';
  return `ينتظر ${arabicCount(n, digits, { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' })}`;
}

/** «على بعد ٢٫٤ كم» / "2.4 km away" / « à 2,4 km »; under a kilometre in metres, to the nearest 100. */
export function distanceWords(metres: number, lang: Lang, digits: Digits): string {
  const [m, km] = lang === 'ar' ? ['م', 'كم'] : ['m', 'km'];
  const space = lang === 'fr' ? '\u00a0' : ' ';
  const words =
    metres < 1000
      ? `${formatNumber(Math.max(100, Math.round(metres / 100) * 100), lang, digits)}${space}${m}`
      : `${new Intl.NumberFormat(localeOf(lang, digits), { maximumFractionDigits: 1 }).format(metres / 1000)}${space}${km}`;
  return { ar: `على بعد ${words}`, en: `${words} away`, fr: `à ${words}` }[lang];
}

/**
 * When a closed hall opens, from its ISO time in the hall's zone (`2026-12-08T08:00:00.000+03:00`):
 * «يفتح غداً الساعة ٠٨:٠٠», «يفتح الأحد الساعة ٠٨:٠٠», « Ouvre demain à 08:00 »; `today` is the citizen's date (YYYY-MM-DD).
 */
export function opensWords(iso: string, today: string, lang: Lang, digits: Digits): string {
  const [date, clock] = [iso.slice(0, 10), iso.slice(11, 16)];
  const time = lang === 'ar' ? clock.replace(/\d/g, (d) => formatNumber(Number(d), 'ar', digits)) : clock;
  const dayMs = Date.parse(`${date}T00:00:00Z`);
  const ahead = Math.round((dayMs - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(dayMs);
  if (lang === 'en') return `Opens ${ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : `on ${weekday}`} at ${time}`;
  if (lang === 'fr') return `Ouvre ${ahead === 0 ? 'aujourd’hui' : ahead === 1 ? 'demain' : weekday} à ${time}`;
  return `يفتح ${ahead === 0 ? 'اليوم' : ahead === 1 ? 'غداً' : `يوم ${weekday}`} الساعة ${time}`;
}
