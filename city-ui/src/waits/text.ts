import { arabicCount, formatNumber, type Digits, type StaffLang as Lang } from '../../../ui-kit/i18n.js';

// What /waits/ says: the council's plain Arabic, and English.

export const W = {
  title: { ar: 'الانتظار في مراكز خدمة المواطن', en: 'Waiting times at citizen-service centres' },
  intro: { ar: 'اختر الخدمة لترى المراكز مرتبةً حسب مدة الانتظار الآن.', en: 'Choose a service to see the centres ordered by how long the wait is now.' },
  chooseService: { ar: 'اختر الخدمة', en: 'Choose a service' },
  changeService: { ar: 'تغيير الخدمة', en: 'Change service' },
  centresFor: { ar: 'المراكز التي تقدّم هذه الخدمة', en: 'Centres offering this service' },
  byWait: { ar: 'حسب مدة الانتظار', en: 'By waiting time' },
  nearest: { ar: 'الأقرب إليّ', en: 'Nearest to me' },
  locating: { ar: 'جارٍ تحديد موقعك…', en: 'Finding where you are…' },
  locationPrivate: { ar: 'يبقى موقعك على هاتفك، ولا يُرسَل إلى أي جهة.', en: 'Your location stays on your phone and is sent nowhere.' },
  noLocation: { ar: 'تعذّر تحديد موقعك، فبقيت المراكز مرتبةً حسب مدة الانتظار.', en: 'Your location could not be found, so the centres stay ordered by waiting time.' },
  orderedByWait: { ar: 'مرتبة حسب مدة الانتظار، الأقصر أولاً.', en: 'Ordered by waiting time, shortest first.' },
  orderedByDistance: { ar: 'مرتبة حسب القرب منك، الأقرب أولاً.', en: 'Ordered by distance from you, nearest first.' },
  openNow: { ar: 'مفتوح الآن', en: 'Open now' },
  closedNow: { ar: 'مغلق الآن', en: 'Closed now' },
  noLiveData: { ar: 'لا بيانات حية الآن', en: 'No live data now' },
  noEstimate: { ar: 'لا تقدير الآن', en: 'No estimate now' },
  takeTicket: { ar: 'خذ رقماً هنا', en: 'Take a ticket here' },
  updated: { ar: 'حُدّثت الساعة', en: 'Updated at' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  failed: { ar: 'تعذّر تحميل البيانات، وسنحاول مجدداً بعد قليل.', en: 'The figures could not be loaded; we will try again shortly.' },
  noCentres: { ar: 'لا توجد مراكز بعد.', en: 'There are no centres yet.' },
  otherLanguage: { ar: 'English', en: 'العربية' },
} as const;

/** «ينتظر ٣ أشخاص» / "3 people waiting"; «لا أحد ينتظر» / "No one waiting". */
export function waitingWords(n: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return n === 0 ? 'No one waiting' : `${n} ${n === 1 ? 'person' : 'people'} waiting`;
  if (n === 0) return 'لا أحد ينتظر';
  return `ينتظر ${arabicCount(n, digits, { one: 'شخص واحد', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' })}`;
}

/** «على بعد ٢٫٤ كم» / "2.4 km away"; under a kilometre in metres, to the nearest 100. */
export function distanceWords(metres: number, lang: Lang, digits: Digits): string {
  const words =
    metres < 1000
      ? `${formatNumber(Math.max(100, Math.round(metres / 100) * 100), lang, digits)} ${lang === 'ar' ? 'م' : 'm'}`
      : `${new Intl.NumberFormat(lang === 'ar' ? `ar-SY-u-nu-${digits}` : 'en-GB', { maximumFractionDigits: 1 }).format(metres / 1000)} ${lang === 'ar' ? 'كم' : 'km'}`;
  return lang === 'ar' ? `على بعد ${words}` : `${words} away`;
}

/**
 * When a closed hall opens, from its ISO time in the hall's zone (`2026-12-08T08:00:00.000+03:00`):
 * «يفتح غداً الساعة ٠٨:٠٠», «يفتح الأحد الساعة ٠٨:٠٠»; `today` is the citizen's date (YYYY-MM-DD).
 */
export function opensWords(iso: string, today: string, lang: Lang, digits: Digits): string {
  const [date, clock] = [iso.slice(0, 10), iso.slice(11, 16)];
  const time = lang === 'ar' ? clock.replace(/\d/g, (d) => formatNumber(Number(d), 'ar', digits)) : clock;
  const dayMs = Date.parse(`${date}T00:00:00Z`);
  const ahead = Math.round((dayMs - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(dayMs);
  if (lang === 'en') return `Opens ${ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : `on ${weekday}`} at ${time}`;
  return `يفتح ${ahead === 0 ? 'اليوم' : ahead === 1 ? 'غداً' : `يوم ${weekday}`} الساعة ${time}`;
}
