import type { AppointmentsReport, AppointmentsReportRow, ReportRow, Summary } from '../protocol/reports.js';

// The summary as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Arabic as
// mojibake), CRLF lines, Latin digits in the figures, headings in the asked language.

const COLUMNS: [heading: { ar: string; en: string }, value: (r: ReportRow, lang: 'ar' | 'en') => string | number | null][] = [
  [{ ar: 'الرمز', en: 'Key' }, (r) => r.key],
  [{ ar: 'البيان', en: 'Label' }, (r, lang) => r.label[lang]],
  [{ ar: 'التذاكر الصادرة', en: 'Issued' }, (r) => r.issued],
  [{ ar: 'المخدومون', en: 'Served' }, (r) => r.served],
  [{ ar: 'لم يحضروا', en: 'No-shows' }, (r) => r.noShow],
  [{ ar: 'الملغاة', en: 'Cancelled' }, (r) => r.cancelled],
  [{ ar: 'المنادى عليهم', en: 'Called' }, (r) => r.called],
  [{ ar: 'متوسط الانتظار (ثا)', en: 'Average wait (s)' }, (r) => r.avgWaitS],
  [{ ar: 'انتظار ٩٠٪ من المراجعين لا يتجاوز (ثا)', en: '90th percentile wait (s)' }, (r) => r.p90WaitS],
  [{ ar: 'أطول انتظار (ثا)', en: 'Longest wait (s)' }, (r) => r.maxWaitS],
  [{ ar: 'متوسط مدة الخدمة (ثا)', en: 'Average service time (s)' }, (r) => r.avgServiceS],
  [{ ar: 'أطول مدة خدمة (ثا)', en: 'Longest service time (s)' }, (r) => r.maxServiceS],
  [{ ar: 'ضمن الوقت المستهدف', en: 'Within target' }, (r) => r.withinTarget],
  [{ ar: 'ضمن الوقت المستهدف ٪', en: 'Within target %' }, (r) => r.withinTargetPct],
  [{ ar: 'متوسط التقييم (من ٣)', en: 'Average rating (of 3)' }, (r) => r.avgRating],
  [{ ar: 'عدد التقييمات', en: 'Ratings' }, (r) => r.ratings],
  [{ ar: 'انتظارات بعد التحويل', en: 'Waits after transfer' }, (r) => r.transferWaits.count],
  [{ ar: 'متوسط الانتظار بعد التحويل (ثا)', en: 'Average wait after transfer (s)' }, (r) => r.transferWaits.avgWaitS],
  [{ ar: 'مدة فتح الشباك (ثا)', en: 'Open time (s)' }, (r) => r.openS],
  [{ ar: 'مدة الخدمة الفعلية (ثا)', en: 'Serving time (s)' }, (r) => r.busyS],
  [{ ar: 'وقت الفراغ (ثا)', en: 'Idle time (s)' }, (r) => r.idleS],
];

/** A field as CSV: quoted when it must be; text that Excel would run as a formula is defused. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type Columns<R> = [heading: { ar: string; en: string }, value: (r: R, lang: 'ar' | 'en') => string | number | null][];

function table<R>(columns: Columns<R>, rows: R[], lang: 'ar' | 'en'): string {
  const line = (cells: (string | number | null)[]) => cells.map(field).join(',');
  const lines = [line(columns.map(([h]) => h[lang])), ...rows.map((r) => line(columns.map(([, v]) => v(r, lang))))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const summaryCsv = (s: Summary, lang: 'ar' | 'en') => table(COLUMNS, [...s.rows, s.total], lang);

export const csvFileName = (s: Summary) => `dawr-report-${s.groupBy}-${s.from}_${s.to}.csv`;

const APPOINTMENT_COLUMNS: Columns<AppointmentsReportRow> = [
  [{ ar: 'اليوم', en: 'Day' }, (r) => r.day],
  [{ ar: 'الخدمة', en: 'Service' }, (r, lang) => r.service[lang]],
  [{ ar: 'المحجوزة', en: 'Booked' }, (r) => r.booked],
  [{ ar: 'أكّدوا الحضور', en: 'Checked in' }, (r) => r.checkedIn],
  [{ ar: 'لم يحضروا', en: 'No-shows' }, (r) => r.noShow],
  [{ ar: 'الملغاة', en: 'Cancelled' }, (r) => r.cancelled],
  [{ ar: 'المنادى عليهم', en: 'Called' }, (r) => r.called],
  [{ ar: 'نودوا خلال ٥ دقائق من موعدهم ٪', en: 'Called within 5 min of the slot %' }, (r) => r.punctualPct],
];

export const appointmentsCsv = (report: AppointmentsReport, lang: 'ar' | 'en') => table(APPOINTMENT_COLUMNS, report.rows, lang);
