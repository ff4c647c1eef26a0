import { PHRASES } from '../../../ui-kit/phrases.js';
import { usePhoneUi } from '../track/ui.js';

// Everything /book/ says, in the words of the hall's own staff.

export const TEXT = {
  title: { ar: 'احجز موعداً', en: 'Book an appointment' },
  intro: {
    ar: 'احجز وقتاً لخدمتك وتعال في موعدك بدلاً من الانتظار في الصالة. لا نطلب اسمك ولا رقمك الوطني.',
    en: 'Book a time for your service and come at that time instead of queueing. We ask for neither your name nor your ID number.',
  },
  chooseService: { ar: 'اختر الخدمة', en: 'Choose the service' },
  noServices: { ar: 'لا توجد خدمات تقبل الحجز حالياً.', en: 'No service takes appointments at the moment.' },
  whatToBring: PHRASES.whatToBring,
  chooseDay: { ar: 'اختر اليوم', en: 'Choose the day' },
  chooseTime: { ar: 'اختر الوقت', en: 'Choose the time' },
  noSlots: { ar: 'لا توجد أوقات متاحة في هذا اليوم، جرّب يوماً آخر.', en: 'No free time on this day: try another day.' },
  otherService: { ar: 'خدمة أخرى', en: 'Another service' },
  held: {
    ar: 'حجزنا لك هذا الوقت مؤقتاً لمدة ربع ساعة ريثما تؤكّد.',
    en: 'We are holding this time for you for 15 minutes while you confirm.',
  },
  phoneLabel: { ar: 'رقم الهاتف (اختياري)', en: 'Phone number (optional)' },
  phoneHint: {
    ar: 'للتذكير بالموعد فقط، ويُحذف في نهاية يوم الموعد.',
    en: 'Only for reminders; it is deleted at the end of the appointment day.',
  },
  confirm: { ar: 'تأكيد الحجز', en: 'Confirm the booking' },
  otherTime: { ar: 'وقت آخر', en: 'Another time' },
  booking: { ar: 'جارٍ الحجز…', en: 'Booking…' },
  slotFull: { ar: 'حُجز هذا الوقت للتو، اختر وقتاً آخر.', en: 'This time was just taken: please choose another.' },
  outsideWindow: { ar: 'لا يمكن حجز هذا الوقت الآن، اختر وقتاً آخر.', en: 'This time cannot be booked now: please choose another.' },
  alreadyBooked: {
    ar: 'لديك حجز لهذه الخدمة في هذا اليوم بالفعل.',
    en: 'You already have a booking for this service on this day.',
  },
  closedThatDay: { ar: 'الخدمة مغلقة في هذا اليوم، اختر يوماً آخر.', en: 'The service is closed on this day: choose another day.' },
  badPhone: { ar: 'رقم الهاتف غير صحيح.', en: 'This phone number is not valid.' },
  tooMany: { ar: 'طلبات كثيرة، حاول بعد قليل.', en: 'Too many requests. Please try again shortly.' },
  failed: { ar: 'تعذّر إتمام الطلب، حاول مرة أخرى.', en: 'That did not work. Please try again.' },
  booked: { ar: 'تم الحجز', en: 'Booked' },
  yourCode: { ar: 'رمز موعدك', en: 'Your appointment code' },
  codeHelp: {
    ar: 'اكتب هذا الرمز على جهاز الأدوار في الصالة أو امسح رمز الاستجابة السريعة، من ساعة قبل موعدك حتى ربع ساعة بعده.',
    en: 'Type this code at the ticket kiosk in the hall, or scan the QR code, from an hour before your time until 15 minutes after it.',
  },
  qrLabel: { ar: 'رمز الموعد للمسح على جهاز الأدوار', en: 'The appointment code, to scan at the kiosk' },
  addToCalendar: { ar: 'إضافة إلى التقويم', en: 'Add to calendar' },
  cancel: { ar: 'إلغاء الموعد', en: 'Cancel the appointment' },
  cancelQuestion: { ar: 'هل تريد فعلاً إلغاء موعدك؟', en: 'Do you really want to cancel your appointment?' },
  cancelWarning: { ar: 'سيُتاح الوقت لغيرك.', en: 'The time will be free for someone else.' },
  cancelYes: { ar: 'نعم، ألغِ الموعد', en: 'Yes, cancel it' },
  keep: { ar: 'لا، أبقِ الموعد', en: 'No, keep it' },
  status_cancelled: { ar: 'أُلغي هذا الموعد.', en: 'This appointment was cancelled.' },
  status_checked_in: { ar: 'سُجّل حضورك، ورقمك في الدور.', en: 'You have checked in: your number is in the line.' },
  status_no_show: { ar: 'انتهى وقت هذا الموعد دون حضور.', en: 'This appointment passed without a check-in.' },
  status_done: { ar: 'انتهى هذا الموعد. شكراً لزيارتك.', en: 'This appointment is over. Thank you for your visit.' },
  notFound: { ar: 'لم نجد موعداً بهذا الرمز.', en: 'No appointment has this code.' },
  bookAnother: { ar: 'حجز موعد جديد', en: 'Book another appointment' },
  calendarTitle: { ar: 'موعد', en: 'Appointment' },
} as const;

export type BookTextKey = keyof typeof TEXT;

export function useBookUi() {
  const ui = usePhoneUi();
  return { ...ui, b: (key: BookTextKey) => TEXT[key][ui.lang] };
}
