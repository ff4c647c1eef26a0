import type { Phrase } from '../../../ui-kit/i18n.js';
import { PHRASES } from '../../../ui-kit/phrases.js';
import { TEXT as PHONE_TEXT } from '../track/text.js';
import { usePhoneUi } from '../track/ui.js';

// Everything /book/ says, in the words of the hall's own staff.

export const TEXT = {
  title: { ar: 'احجز موعداً', en: 'Book an appointment', fr: 'Prendre rendez-vous' },
  intro: {
    ar: 'احجز وقتاً لخدمتك وتعال في موعدك بدلاً من الانتظار في الصالة. لا نطلب اسمك ولا رقمك الوطني.',
    en: 'Book a time for your service and come at that time instead of queueing. We ask for neither your name nor your ID number.',
    fr: 'Réservez un créneau pour votre démarche et venez à l’heure dite au lieu de faire la queue. Nous ne demandons ni votre nom ni votre numéro d’identité.',
  },
  chooseService: { ar: 'اختر الخدمة', en: 'Choose the service', fr: 'Choisissez le service' },
  noServices: { ar: 'لا توجد خدمات تقبل الحجز حالياً.', en: 'No service takes appointments at the moment.', fr: 'Aucun service ne prend de rendez-vous pour le moment.' },
  whatToBring: PHRASES.whatToBring,
  chooseDay: { ar: 'اختر اليوم', en: 'Choose the day', fr: 'Choisissez le jour' },
  chooseTime: { ar: 'اختر الوقت', en: 'Choose the time', fr: 'Choisissez l’heure' },
  noSlots: { ar: 'لا توجد أوقات متاحة في هذا اليوم، جرّب يوماً آخر.', en: 'No free time on this day: try another day.', fr: 'Aucun créneau libre ce jour-là\u00a0: essayez un autre jour.' },
  otherService: { ar: 'خدمة أخرى', en: 'Another service', fr: 'Un autre service' },
  held: {
    ar: 'حجزنا لك هذا الوقت مؤقتاً لمدة ربع ساعة ريثما تؤكّد.',
    en: 'We are holding this time for you for 15 minutes while you confirm.',
    fr: 'Nous vous réservons ce créneau pendant un quart d’heure, le temps de confirmer.',
  },
  phoneLabel: { ar: 'رقم الهاتف (اختياري)', en: 'Phone number (optional)', fr: 'Numéro de téléphone (facultatif)' },
  phoneHint: {
    ar: 'للتذكير بالموعد فقط، ويُحذف في نهاية يوم الموعد.',
    en: 'Only for reminders; it is deleted at the end of the appointment day.',
    fr: 'Uniquement pour les rappels\u00a0; il est effacé à la fin du jour du rendez-vous.',
  },
  confirm: { ar: 'تأكيد الحجز', en: 'Confirm the booking', fr: 'Confirmer la réservation' },
  otherTime: { ar: 'وقت آخر', en: 'Another time', fr: 'Un autre horaire' },
  booking: { ar: 'جارٍ الحجز…', en: 'Booking…', fr: 'Réservation en cours…' },
  slotFull: { ar: 'حُجز هذا الوقت للتو، اختر وقتاً آخر.', en: 'This time was just taken: please choose another.', fr: 'Ce créneau vient d’être pris\u00a0: veuillez en choisir un autre.' },
  outsideWindow: { ar: 'لا يمكن حجز هذا الوقت الآن، اختر وقتاً آخر.', en: 'This time cannot be booked now: please choose another.', fr: 'Ce créneau ne peut pas être réservé pour le moment\u00a0: veuillez en choisir un autre.' },
  alreadyBooked: {
    ar: 'لديك حجز لهذه الخدمة في هذا اليوم بالفعل.',
    en: 'You already have a booking for this service on this day.',
    fr: 'Vous avez déjà une réservation pour ce service ce jour-là.',
  },
  closedThatDay: { ar: 'الخدمة مغلقة في هذا اليوم، اختر يوماً آخر.', en: 'The service is closed on this day: choose another day.', fr: 'Le service est fermé ce jour-là\u00a0: choisissez un autre jour.' },
  badPhone: PHONE_TEXT.phoneInvalid,
  tooMany: { ar: 'طلبات كثيرة، حاول بعد قليل.', en: 'Too many requests. Please try again shortly.', fr: 'Trop de demandes. Veuillez réessayer dans un instant.' },
  failed: PHONE_TEXT.failed,
  booked: { ar: 'تم الحجز', en: 'Booked', fr: 'Réservation confirmée' },
  yourCode: { ar: 'رمز موعدك', en: 'Your appointment code', fr: 'Votre code de rendez-vous' },
  codeHelp: {
    ar: 'اكتب هذا الرمز على جهاز الأدوار في الصالة أو امسح رمز الاستجابة السريعة، من ساعة قبل موعدك حتى ربع ساعة بعده.',
    en: 'Type this code at the ticket kiosk in the hall, or scan the QR code, from an hour before your time until 15 minutes after it.',
    fr: 'Saisissez ce code à la borne de la salle, ou scannez le code QR, entre une heure avant votre rendez-vous et un quart d’heure après.',
  },
  qrLabel: { ar: 'رمز الموعد للمسح على جهاز الأدوار', en: 'The appointment code, to scan at the kiosk', fr: 'Le code du rendez-vous, à scanner à la borne' },
  addToCalendar: { ar: 'إضافة إلى التقويم', en: 'Add to calendar', fr: 'Ajouter à l’agenda' },
  cancel: { ar: 'إلغاء الموعد', en: 'Cancel the appointment', fr: 'Annuler le rendez-vous' },
  cancelQuestion: { ar: 'هل تريد فعلاً إلغاء موعدك؟', en: 'Do you really want to cancel your appointment?', fr: 'Voulez-vous vraiment annuler votre rendez-vous\u00a0?' },
  cancelWarning: { ar: 'سيُتاح الوقت لغيرك.', en: 'The time will be free for someone else.', fr: 'Le créneau sera libéré pour quelqu’un d’autre.' },
  cancelYes: { ar: 'نعم، ألغِ الموعد', en: 'Yes, cancel it', fr: 'Oui, l’annuler' },
  keep: { ar: 'لا، أبقِ الموعد', en: 'No, keep it', fr: 'Non, le garder' },
  status_cancelled: { ar: 'أُلغي هذا الموعد.', en: 'This appointment was cancelled.', fr: 'Ce rendez-vous a été annulé.' },
  status_checked_in: { ar: 'سُجّل حضورك، ورقمك في الدور.', en: 'You have checked in: your number is in the line.', fr: 'Votre arrivée est enregistrée\u00a0: votre numéro est dans la file.' },
  status_no_show: { ar: 'انتهى وقت هذا الموعد دون حضور.', en: 'This appointment passed without a check-in.', fr: 'L’heure de ce rendez-vous est passée sans enregistrement.' },
  status_done: { ar: 'انتهى هذا الموعد. شكراً لزيارتك.', en: 'This appointment is over. Thank you for your visit.', fr: 'Ce rendez-vous est terminé. Merci de votre visite.' },
  notFound: { ar: 'لم نجد موعداً بهذا الرمز.', en: 'No appointment has this code.', fr: 'Aucun rendez-vous ne correspond à ce code.' },
  bookAnother: { ar: 'حجز موعد جديد', en: 'Book another appointment', fr: 'Prendre un autre rendez-vous' },
  calendarTitle: { ar: 'موعد', en: 'Appointment', fr: 'Rendez-vous' },
} satisfies Record<string, Phrase>;

export type BookTextKey = keyof typeof TEXT;

export function useBookUi() {
  const ui = usePhoneUi();
  return { ...ui, b: (key: BookTextKey) => TEXT[key][ui.lang] };
}
