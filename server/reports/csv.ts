import { pick, type Lang, type Phrase } from '../../ui-kit/i18n.js';
import type { AppointmentsReport, AppointmentsReportRow, ReportRow, Summary } from '../protocol/reports.js';

// The summary as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Arabic as
// mojibake), CRLF lines, Latin digits in the figures, headings and labels in the asked language.

type Columns<R> = [heading: Phrase, value: (r: R, lang: Lang) => string | number | null][];

const COLUMNS: Columns<ReportRow> = [
  [{ ar: 'الرمز', en: 'Key', fr: 'Code' }, (r) => r.key],
  [{ ar: 'البيان', en: 'Label', fr: 'Libellé' }, (r, lang) => pick(r.label, lang)],
  [{ ar: 'التذاكر الصادرة', en: 'Issued', fr: 'Tickets délivrés' }, (r) => r.issued],
  [{ ar: 'المخدومون', en: 'Served', fr: 'Usagers servis' }, (r) => r.served],
  [{ ar: 'لم يحضروا', en: 'No-shows', fr: 'Absents' }, (r) => r.noShow],
  [{ ar: 'الملغاة', en: 'Cancelled', fr: 'Annulés' }, (r) => r.cancelled],
  [{ ar: 'المنادى عليهم', en: 'Called', fr: 'Appelés' }, (r) => r.called],
  [{ ar: 'متوسط الانتظار (ثا)', en: 'Average wait (s)', fr: 'Attente moyenne (s)' }, (r) => r.avgWaitS],
  [{ ar: 'انتظار ٩٠٪ من المراجعين لا يتجاوز (ثا)', en: '90th percentile wait (s)', fr: '90\u00a0% des usagers ont attendu au plus (s)' }, (r) => r.p90WaitS],
  [{ ar: 'أطول انتظار (ثا)', en: 'Longest wait (s)', fr: 'Attente la plus longue (s)' }, (r) => r.maxWaitS],
  [{ ar: 'متوسط مدة الخدمة (ثا)', en: 'Average service time (s)', fr: 'Durée moyenne de traitement (s)' }, (r) => r.avgServiceS],
  [{ ar: 'أطول مدة خدمة (ثا)', en: 'Longest service time (s)', fr: 'Traitement le plus long (s)' }, (r) => r.maxServiceS],
  [{ ar: 'ضمن الوقت المستهدف', en: 'Within target', fr: 'Dans l’objectif' }, (r) => r.withinTarget],
  [{ ar: 'ضمن الوقت المستهدف ٪', en: 'Within target %', fr: 'Dans l’objectif (%)' }, (r) => r.withinTargetPct],
  [{ ar: 'متوسط التقييم (من ٣)', en: 'Average rating (of 3)', fr: 'Note moyenne (sur 3)' }, (r) => r.avgRating],
  [{ ar: 'عدد التقييمات', en: 'Ratings', fr: 'Nombre d’avis' }, (r) => r.ratings],
  [{ ar: 'انتظارات بعد التحويل', en: 'Waits after transfer', fr: 'Attentes après transfert' }, (r) => r.transferWaits.count],
  [{ ar: 'متوسط الانتظار بعد التحويل (ثا)', en: 'Average wait after transfer (s)', fr: 'Attente moyenne après transfert (s)' }, (r) => r.transferWaits.avgWaitS],
  [{ ar: 'مدة فتح الشباك (ثا)', en: 'Open time (s)', fr: 'Durée d’ouverture du guichet (s)' }, (r) => r.openS],
  [{ ar: 'مدة الخدمة الفعلية (ثا)', en: 'Serving time (s)', fr: 'Temps de traitement effectif (s)' }, (r) => r.busyS],
  [{ ar: 'وقت الفراغ (ثا)', en: 'Idle time (s)', fr: 'Temps d’inactivité (s)' }, (r) => r.idleS],
];

/** A field as CSV: quoted when it must be; text that Excel would run as a formula is defused. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function table<R>(columns: Columns<R>, rows: R[], lang: Lang): string {
  const line = (cells: (string | number | null)[]) => cells.map(field).join(',');
  const lines = [line(columns.map(([h]) => h[lang])), ...rows.map((r) => line(columns.map(([, v]) => v(r, lang))))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const summaryCsv = (s: Summary, lang: Lang) => table(COLUMNS, [...s.rows, s.total], lang);

export const csvFileName = (s: Summary) => `dawr-report-${s.groupBy}-${s.from}_${s.to}.csv`;

const APPOINTMENT_COLUMNS: Columns<AppointmentsReportRow> = [
  [{ ar: 'اليوم', en: 'Day', fr: 'Jour' }, (r) => r.day],
  [{ ar: 'الخدمة', en: 'Service', fr: 'Service' }, (r, lang) => pick(r.service, lang)],
  [{ ar: 'المحجوزة', en: 'Booked', fr: 'Rendez-vous pris' }, (r) => r.booked],
  [{ ar: 'أكّدوا الحضور', en: 'Checked in', fr: 'Présents' }, (r) => r.checkedIn],
  [{ ar: 'لم يحضروا', en: 'No-shows', fr: 'Absents' }, (r) => r.noShow],
  [{ ar: 'الملغاة', en: 'Cancelled', fr: 'Annulés' }, (r) => r.cancelled],
  [{ ar: 'المنادى عليهم', en: 'Called', fr: 'Appelés' }, (r) => r.called],
  [{ ar: 'نودوا خلال ٥ دقائق من موعدهم ٪', en: 'Called within 5 min of the slot %', fr: 'Appelés dans les 5\u00a0min suivant l’heure du rendez-vous (%)' }, (r) => r.punctualPct],
];

export const appointmentsCsv = (report: AppointmentsReport, lang: Lang) => table(APPOINTMENT_COLUMNS, report.rows, lang);
