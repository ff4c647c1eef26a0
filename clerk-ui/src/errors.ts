import type { ErrorCode } from '../../server/plugins/errors.js';
import { ApiError } from '../../ui-kit/api.js';
import type { Phrase, Lang } from '../../ui-kit/i18n.js';
import { TEXT } from './text.js';

// What the staff app says when the server refuses: one message per error code, in the user's
// language. The server's own text is for its log and for developers, never for the screen.

export const ERROR_TEXT: Record<ErrorCode, Phrase> = {
  invalid_request: { ar: 'الطلب غير صالح. تحقّق من القيم المدخلة وأعد المحاولة.', en: 'The request is not valid. Check what you entered and try again.', fr: 'La demande n’est pas valable. Vérifiez ce que vous avez saisi et réessayez.' },
  unauthorized: { ar: 'انتهت الجلسة، يرجى تسجيل الدخول مجدداً.', en: 'Your session has ended: please log in again.', fr: 'Votre session a pris fin\u00a0: veuillez vous reconnecter.' },
  forbidden: { ar: 'لا تملك صلاحية تنفيذ هذه العملية.', en: 'You are not allowed to do this.', fr: 'Vous n’êtes pas autorisé à effectuer cette opération.' },
  not_found: { ar: 'لم يُعثر على العنصر، ربما حذفه أحد غيرك. حدِّث الصفحة.', en: 'Not found: someone may have removed it. Reload the page.', fr: 'Introuvable\u00a0: quelqu’un l’a peut-être supprimé. Rechargez la page.' },
  invalid_transition: {
    ar: 'لا تسمح حالة الدور أو الشباك الآن بهذه العملية، فربما سبقك إليها أحد غيرك. حدِّث الصفحة.',
    en: 'The ticket or counter is no longer in a state that allows this; someone may have acted first. Reload the page.',
    fr: 'L’état du ticket ou du guichet ne permet plus cette opération\u00a0; quelqu’un a peut-être agi avant vous. Rechargez la page.',
  },
  conflict: { ar: 'تعارضت العملية مع تغيير آخر جرى في الوقت نفسه. أعد المحاولة.', en: 'Someone else changed this at the same time. Try again.', fr: 'Quelqu’un d’autre a modifié cet élément au même moment. Réessayez.' },
  service_closed: {
    ar: 'الخدمة لا تستقبل أدواراً الآن: خارج أوقات دوامها أو بلغت حدّها اليومي.',
    en: 'The service takes no tickets now: outside its hours or past its daily limit.',
    fr: 'Le service ne délivre pas de tickets pour le moment\u00a0: hors de ses horaires ou limite journalière atteinte.',
  },
  hall_closed: { ar: 'المركز مغلق في هذا اليوم.', en: 'The centre is closed on this day.', fr: 'Le centre est fermé ce jour-là.' },
  already_notified: { ar: 'أُرسل إشعار هذا الدور من قبل، فلا يُقبل رقم هاتف آخر.', en: 'This ticket has had its notice: it takes no other phone number.', fr: 'Ce ticket a déjà reçu son avis\u00a0: il n’accepte pas d’autre numéro de téléphone.' },
  too_many_changes: { ar: 'غُيِّر رقم الهاتف لهذا الدور أكثر مما يُسمح به.', en: "This ticket's phone number has been changed as often as allowed.", fr: 'Le numéro de téléphone de ce ticket a été changé autant de fois que permis.' },
  managed_by_city: {
    ar: 'رمز الخدمة واسمها ومدة الانتظار المستهدفة والأوراق المطلوبة تحدّدها المدينة في دليل خدماتها، فعدِّلها من خادم المدينة.',
    en: "The city's service catalogue sets a service's code, name, target wait and what to bring: change them at the city server.",
    fr: 'Le code, le nom, l’attente visée et les pièces à fournir d’un service sont fixés par le catalogue des services de la ville\u00a0: modifiez-les sur le serveur de la ville.',
  },
  confirmation_required: {
    ar: 'نُودي هذا الدور منذ قليل: أكِّد أن صاحبه لم يحضر، أو أعد النداء.',
    en: 'This ticket was called only a moment ago: confirm that nobody came, or recall it.',
    fr: 'Ce ticket vient d’être appelé\u00a0: confirmez que personne n’est venu, ou rappelez-le.',
  },
  advice_stale: {
    ar: 'لم تعد هذه التوصية تناسب حال المركز، فقد تغيّر الشباك أو حلّت محلها توصية أحدث.',
    en: 'This advice no longer fits the hall: the counter changed, or newer advice replaced it.',
    fr: 'Ce conseil ne correspond plus à la situation du centre\u00a0: le guichet a changé, ou un conseil plus récent l’a remplacé.',
  },
  advice_decided: { ar: 'طُبّقت هذه التوصية أو تُجوهلت من قبل.', en: 'This advice was applied or dismissed already.', fr: 'Ce conseil a déjà été appliqué ou ignoré.' },
  too_late: {
    ar: 'فات وقت إعادة هذا الدور إلى مكانه في الصف.',
    en: 'It is too late to return this ticket to its place in line.',
    fr: 'Il est trop tard pour remettre ce ticket à sa place dans la file.',
  },
  slot_full: { ar: 'اكتمل هذا الموعد. اختر وقتاً آخر.', en: 'This slot is full. Choose another time.', fr: 'Ce créneau est complet. Choisissez un autre horaire.' },
  outside_booking_window: {
    ar: 'لا يمكن الحجز في هذا الوقت: إما أنه قريب جداً وإما أبعد مما يُسمح به.',
    en: 'This time cannot be booked: it is either too soon or too far ahead.',
    fr: 'Cet horaire ne peut pas être réservé\u00a0: il est trop proche ou trop lointain.',
  },
  outside_check_in_window: {
    ar: 'ليس هذا وقت تأكيد الحضور لهذا الموعد: إما أنه مبكر جداً وإما فات وقته.',
    en: 'This is not the time to check in for this appointment: it is either too early or too late.',
    fr: 'Ce n’est pas le moment d’enregistrer l’arrivée pour ce rendez-vous\u00a0: c’est trop tôt ou trop tard.',
  },
  unavailable: { ar: 'الخادم مشغول أو غير متاح مؤقتاً. أعد المحاولة بعد قليل.', en: 'The server is busy or briefly unavailable. Try again in a moment.', fr: 'Le serveur est occupé ou momentanément indisponible. Réessayez dans un instant.' },
  rate_limited: { ar: 'محاولات كثيرة. انتظر دقيقة ثم حاول مجدداً.', en: 'Too many attempts. Wait a minute and try again.', fr: 'Trop de tentatives. Patientez une minute, puis réessayez.' },
  payload_too_large: { ar: 'الملف أو البيانات المرسلة أكبر من المسموح.', en: 'The file or data sent is larger than allowed.', fr: 'Le fichier ou les données envoyés dépassent la taille permise.' },
  unsupported_media_type: { ar: 'نوع البيانات المرسلة غير مقبول.', en: 'This kind of content is not accepted.', fr: 'Ce type de contenu n’est pas accepté.' },
  storage_unavailable: {
    ar: 'تعذّر الحفظ على قرص الخادم، وقد يكون ممتلئاً. أبلغ مدير النظام.',
    en: 'The server cannot save to its disk; it may be full. Tell the administrator.',
    fr: 'Le serveur ne peut pas enregistrer sur son disque, qui est peut-être plein. Prévenez l’administrateur.',
  },
  internal_error: { ar: 'حدث خطأ في الخادم. أعد المحاولة، وإن تكرّر فأبلغ مدير النظام.', en: 'Something went wrong on the server. Try again; if it happens again, tell the administrator.', fr: 'Une erreur s’est produite sur le serveur. Réessayez\u00a0; si elle se reproduit, prévenez l’administrateur.' },
};

const UNKNOWN: Phrase = { ar: 'تعذّر تنفيذ العملية. أعد المحاولة.', en: 'That did not work. Try again.', fr: 'L’opération a échoué. Réessayez.' };
const OFFLINE: Phrase = {
  ar: 'لم تصل العملية إلى الخادم بسبب انقطاع الاتصال. حاول مجدداً.',
  en: 'Not sent: the connection is down. Try again.',
  fr: 'Non envoyé\u00a0: la connexion est coupée. Réessayez.',
};

/**
 * Why a request failed, in the user's language: offline, or the refusal's code in words. A 5xx
 * without a code of ours (a proxy's 502, say) is still the server's trouble, not the network's.
 */
export function errorText(err: unknown, lang: Lang): string {
  if (!(err instanceof ApiError)) return UNKNOWN[lang];
  if (err.status === 0) return OFFLINE[lang];
  const known = ERROR_TEXT[err.code as ErrorCode];
  if (known) return known[lang];
  if (err.status >= 500) return ERROR_TEXT[err.status === 500 ? 'internal_error' : 'unavailable'][lang];
  return UNKNOWN[lang];
}

/** Why logging in failed: a refused name or password, or any other failure in its own words. */
export function loginErrorText(err: unknown, lang: Lang): string {
  const status = err instanceof ApiError ? err.status : 0;
  return status === 401 || status === 400 ? TEXT.wrongCredentials[lang] : errorText(err, lang);
}
