import type { ErrorCode } from '../../server/plugins/errors.js';
import { ApiError } from '../../ui-kit/api.js';
import type { Bilingual, StaffLang } from '../../ui-kit/i18n.js';
import { TEXT } from './text.js';

// What the staff app says when the server refuses: one message per error code, in the user's
// language. The server's own text is for its log and for developers, never for the screen.

export const ERROR_TEXT: Record<ErrorCode, Bilingual> = {
  invalid_request: { ar: 'الطلب غير صالح. تحقّق من القيم المدخلة وأعد المحاولة.', en: 'The request is not valid. Check what you entered and try again.' },
  unauthorized: { ar: 'انتهت الجلسة، يرجى تسجيل الدخول مجدداً.', en: 'Your session has ended: please log in again.' },
  forbidden: { ar: 'لا تملك صلاحية تنفيذ هذه العملية.', en: 'You are not allowed to do this.' },
  not_found: { ar: 'لم يُعثر على العنصر، ربما حذفه أحد غيرك. حدِّث الصفحة.', en: 'Not found: someone may have removed it. Reload the page.' },
  invalid_transition: {
    ar: 'لا تسمح حالة الدور أو الشباك الآن بهذه العملية، فربما سبقك إليها أحد غيرك. حدِّث الصفحة.',
    en: 'The ticket or counter is no longer in a state that allows this; someone may have acted first. Reload the page.',
  },
  conflict: { ar: 'تعارضت العملية مع تغيير آخر جرى في الوقت نفسه. أعد المحاولة.', en: 'Someone else changed this at the same time. Try again.' },
  service_closed: {
    ar: 'الخدمة لا تستقبل أدواراً الآن: خارج أوقات دوامها أو بلغت حدّها اليومي.',
    en: 'The service takes no tickets now: outside its hours or past its daily limit.',
  },
  hall_closed: { ar: 'المركز مغلق في هذا اليوم.', en: 'The centre is closed on this day.' },
  already_notified: { ar: 'أُرسل إشعار هذا الدور من قبل، فلا يُقبل رقم هاتف آخر.', en: 'This ticket has had its notice: it takes no other phone number.' },
  too_many_changes: { ar: 'غُيِّر رقم الهاتف لهذا الدور أكثر مما يُسمح به.', en: "This ticket's phone number has been changed as often as allowed." },
  managed_by_city: {
    ar: 'رمز الخدمة واسمها ومدة الانتظار المستهدفة والأوراق المطلوبة تحدّدها المدينة في دليل خدماتها، فعدِّلها من خادم المدينة.',
    en: "The city's service catalogue sets a service's code, name, target wait and what to bring: change them at the city server.",
  },
  confirmation_required: {
    ar: 'نُودي هذا الدور منذ قليل: أكِّد أن صاحبه لم يحضر، أو أعد النداء.',
    en: 'This ticket was called only a moment ago: confirm that nobody came, or recall it.',
  },
  advice_stale: {
    ar: 'لم تعد هذه التوصية تناسب حال المركز، فقد تغيّر الشباك أو حلّت محلها توصية أحدث.',
    en: 'This advice no longer fits the hall: the counter changed, or newer advice replaced it.',
  },
  advice_decided: { ar: 'طُبّقت هذه التوصية أو تُجوهلت من قبل.', en: 'This advice was applied or dismissed already.' },
  too_late: {
    ar: 'فات وقت إعادة هذا الدور إلى مكانه في الصف.',
    en: 'It is too late to return this ticket to its place in line.',
  },
  slot_full: { ar: 'اكتمل هذا الموعد. اختر وقتاً آخر.', en: 'This slot is full. Choose another time.' },
  outside_booking_window: {
    ar: 'لا يمكن الحجز في هذا الوقت: إما أنه قريب جداً وإما أبعد مما يُسمح به.',
    en: 'This time cannot be booked: it is either too soon or too far ahead.',
  },
  outside_check_in_window: {
    ar: 'ليس هذا وقت تأكيد الحضور لهذا الموعد: إما أنه مبكر جداً وإما فات وقته.',
    en: 'This is not the time to check in for this appointment: it is either too early or too late.',
  },
  unavailable: { ar: 'الخادم مشغول أو غير متاح مؤقتاً. أعد المحاولة بعد قليل.', en: 'The server is busy or briefly unavailable. Try again in a moment.' },
  rate_limited: { ar: 'محاولات كثيرة. انتظر دقيقة ثم حاول مجدداً.', en: 'Too many attempts. Wait a minute and try again.' },
  payload_too_large: { ar: 'الملف أو البيانات المرسلة أكبر من المسموح.', en: 'The file or data sent is larger than allowed.' },
  unsupported_media_type: { ar: 'نوع البيانات المرسلة غير مقبول.', en: 'This kind of content is not accepted.' },
  storage_unavailable: {
    ar: 'تعذّر الحفظ على قرص الخادم، وقد يكون ممتلئاً. أبلغ مدير النظام.',
    en: 'The server cannot save to its disk; it may be full. Tell the administrator.',
  },
  internal_error: { ar: 'حدث خطأ في الخادم. أعد المحاولة، وإن تكرّر فأبلغ مدير النظام.', en: 'Something went wrong on the server. Try again; if it happens again, tell the administrator.' },
};

const UNKNOWN: Bilingual = { ar: 'تعذّر تنفيذ العملية. أعد المحاولة.', en: 'That did not work. Try again.' };
const OFFLINE: Bilingual = { ar: 'لم تصل العملية إلى الخادم بسبب انقطاع الاتصال. حاول مجدداً.', en: 'Not sent: the connection is down. Try again.' };

/**
 * Why a request failed, in the user's language: offline, or the refusal's code in words. A 5xx
 * without a code of ours (a proxy's 502, say) is still the server's trouble, not the network's.
 */
export function errorText(err: unknown, lang: StaffLang): string {
  if (!(err instanceof ApiError)) return UNKNOWN[lang];
  if (err.status === 0) return OFFLINE[lang];
  const known = ERROR_TEXT[err.code as ErrorCode];
  if (known) return known[lang];
  if (err.status >= 500) return ERROR_TEXT[err.status === 500 ? 'internal_error' : 'unavailable'][lang];
  return UNKNOWN[lang];
}

/** Why logging in failed: a refused name or password, or any other failure in its own words. */
export function loginErrorText(err: unknown, lang: StaffLang): string {
  const status = err instanceof ApiError ? err.status : 0;
  return status === 401 || status === 400 ? TEXT.wrongCredentials[lang] : errorText(err, lang);
}
