import { arabicCount, type Digits, type Lang, type Phrase } from '../../ui-kit/i18n.js';
import { PHRASES } from '../../ui-kit/phrases.js';

// Everything the kiosk says, in the words a clerk of the hall would use; what a ticket says is
// worded once for the kiosk, the receipt and the phone (ui-kit/phrases.ts).

export const TEXT = {
  chooseService: PHRASES.chooseService,
  priorityEntry: { ar: 'أولوية (كبار السن، ذوو الإعاقة، الحوامل)', en: 'Priority (elderly, disabled, pregnant)', fr: 'Prioritaire (personnes âgées, handicapées, femmes enceintes)' },
  priorityIsFor: {
    ar: 'دور الأولوية مخصّص لكبار السن وذوي الإعاقة والحوامل.',
    en: 'Priority tickets are for elderly people, people with disabilities and pregnant women.',
    fr: 'Les tickets prioritaires sont réservés aux personnes âgées, aux personnes handicapées et aux femmes enceintes.',
  },
  priorityQuestion: { ar: 'هل أنت منهم أو ترافق أحدهم؟', en: 'Are you one of them, or with one of them?', fr: 'Êtes-vous concerné, ou accompagnez-vous une de ces personnes\u00a0?' },
  priorityYes: { ar: 'نعم، أريد دور أولوية', en: 'Yes, a priority ticket', fr: 'Oui, un ticket prioritaire' },
  priorityNo: { ar: 'لا، رجوع', en: 'No, go back', fr: 'Non, retour' },
  priorityMode: { ar: 'دور أولوية: اختر الخدمة', en: 'Priority ticket: choose the service', fr: 'Ticket prioritaire\u00a0: choisissez le service' },
  priorityCancel: { ar: 'إلغاء الأولوية', en: 'Cancel priority', fr: 'Annuler la priorité' },
  priorityTag: PHRASES.priorityTag,
  waiting: PHRASES.waiting,
  otherServices: { ar: 'خدمات أخرى', en: 'Other services', fr: 'Autres services' },
  issuing: PHRASES.issuing,
  retrying: { ar: 'تعذّر الاتصال بالخادم. جارٍ المحاولة مجدداً…', en: 'Cannot reach the server. Trying again…', fr: 'Impossible de joindre le serveur. Nouvelle tentative…' },
  cancel: { ar: 'إلغاء', en: 'Cancel', fr: 'Annuler' },
  yourNumber: PHRASES.yourNumber,
  scanToFollow: PHRASES.scanToFollow,
  printing: { ar: 'جارٍ طباعة البطاقة…', en: 'Printing your ticket…', fr: 'Impression de votre ticket…' },
  printed: { ar: 'تمت الطباعة، خذ بطاقتك', en: 'Printed: please take your ticket', fr: 'Ticket imprimé\u00a0: veuillez le prendre' },
  printerDown: {
    ar: 'يرجى تصوير الرقم ورمز الاستجابة السريعة، فالطابعة متوقفة حالياً',
    en: 'Please take a photo of the number and the QR code: the printer is not working right now',
    fr: 'Veuillez photographier le numéro et le code QR\u00a0: l’imprimante ne fonctionne pas pour le moment',
  },
  paperOut: {
    ar: 'نفد الورق من الطابعة. يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'The printer is out of paper. Please take a photo of the number and the QR code',
    fr: 'L’imprimante n’a plus de papier. Veuillez photographier le numéro et le code QR',
  },
  printFailed: {
    ar: 'تعذّرت طباعة البطاقة. يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'Your ticket could not be printed. Please take a photo of the number and the QR code',
    fr: 'Votre ticket n’a pas pu être imprimé. Veuillez photographier le numéro et le code QR',
  },
  noPaperCameOut: {
    ar: 'إن لم تخرج البطاقة من الطابعة، يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'If no ticket came out of the printer, please take a photo of the number and the QR code',
    fr: 'Si aucun ticket n’est sorti de l’imprimante, veuillez photographier le numéro et le code QR',
  },
  ticketStillValid: { ar: 'دورك محفوظ ولن يضيع.', en: 'Your turn is kept all the same.', fr: 'Votre tour est conservé malgré tout.' },
  menuPrinterDown: {
    ar: 'الطابعة متوقفة حالياً: يمكنك أخذ دور وتصوير رقمه',
    en: 'The printer is not working right now: you can still take a ticket and photograph it',
    fr: 'L’imprimante ne fonctionne pas pour le moment\u00a0: vous pouvez quand même prendre un ticket et le photographier',
  },
  whatToBring: PHRASES.whatToBring,
  done: { ar: 'تم', en: 'Done', fr: 'Terminé' },
  touchToStart: { ar: 'اضغط هنا لأخذ دور', en: 'Touch to take a ticket', fr: 'Touchez l’écran pour prendre un ticket' },
  connecting: { ar: 'جارٍ الاتصال بالخادم…', en: 'Connecting to the server…', fr: 'Connexion au serveur…' },
  offline: { ar: 'لا يوجد اتصال بالخادم، جارٍ المحاولة مجدداً…', en: 'No connection to the server. Trying again…', fr: 'Pas de connexion au serveur. Nouvelle tentative…' },
  hallClosedToday: { ar: 'المركز مغلق اليوم', en: 'The centre is closed today', fr: 'Le centre est fermé aujourd’hui' },
  serviceClosed: { ar: 'هذه الخدمة لا تستقبل أدواراً الآن', en: 'This service is not taking tickets now', fr: 'Ce service ne délivre pas de tickets pour le moment' },
  storageUnavailable: {
    ar: 'لا يمكن إصدار الأدوار الآن: تعذّر حفظها في النظام. يرجى مراجعة أحد الموظفين.',
    en: 'Tickets cannot be issued right now: the system cannot store them. Please ask a member of staff.',
    fr: 'Impossible de délivrer des tickets pour le moment\u00a0: le système ne peut pas les enregistrer. Veuillez vous adresser à un agent.',
  },
  gaveUp: { ar: 'تعذّر الاتصال بالخادم. يرجى مراجعة أحد الموظفين.', en: 'The server cannot be reached. Please ask a member of staff.', fr: 'Le serveur est injoignable. Veuillez vous adresser à un agent.' },
  failed: {
    ar: 'حدث خطأ. يرجى المحاولة مرة أخرى أو مراجعة أحد الموظفين.',
    en: 'Something went wrong. Please try again or ask a member of staff.',
    fr: 'Une erreur s’est produite. Veuillez réessayer ou vous adresser à un agent.',
  },
  notPairedTitle: { ar: 'هذا الجهاز غير مقترن بعد', en: 'This kiosk is not paired yet', fr: 'Cette borne n’est pas encore appairée' },
  notPairedHelp: { ar: 'يرجى مراجعة أحد الموظفين لتشغيله.', en: 'Please ask a member of staff to set it up.', fr: 'Veuillez demander à un agent de la configurer.' },
  ok: { ar: 'حسناً', en: 'OK', fr: 'OK' },
  appointmentEntry: { ar: 'لدي موعد', en: 'I have an appointment', fr: 'J’ai un rendez-vous' },
  appointmentHelp: {
    ar: 'اكتب رمز موعدك، أو ضع رمز الاستجابة السريعة تحت الماسح.',
    en: 'Type your appointment code, or hold its QR code under the scanner.',
    fr: 'Saisissez le code de votre rendez-vous, ou présentez son code QR sous le lecteur.',
  },
  appointmentCode: { ar: 'رمز الموعد', en: 'Appointment code', fr: 'Code du rendez-vous' },
  clearCode: { ar: 'مسح', en: 'Clear', fr: 'Effacer' },
  eraseDigit: { ar: 'حذف رقم', en: 'Delete a digit', fr: 'Supprimer un chiffre' },
  checkIn: { ar: 'تسجيل الحضور', en: 'Check in', fr: 'Enregistrer mon arrivée' },
  back: { ar: 'رجوع', en: 'Back', fr: 'Retour' },
  unknownCode: { ar: 'لا يوجد موعد بهذا الرمز. تأكّد منه وحاول مجدداً.', en: 'No appointment has this code. Check it and try again.', fr: 'Aucun rendez-vous ne correspond à ce code. Vérifiez-le et réessayez.' },
  appointmentCancelled: { ar: 'أُلغي هذا الموعد.', en: 'This appointment was cancelled.', fr: 'Ce rendez-vous a été annulé.' },
  appointmentUsed: { ar: 'سُجّل حضور هذا الموعد من قبل.', en: 'This appointment has already been checked in.', fr: 'L’arrivée pour ce rendez-vous a déjà été enregistrée.' },
  tooManyCodes: {
    ar: 'محاولات كثيرة. يرجى الانتظار قليلاً أو مراجعة أحد الموظفين.',
    en: 'Too many attempts. Please wait a little or ask a member of staff.',
    fr: 'Trop de tentatives. Veuillez patienter un peu ou vous adresser à un agent.',
  },
  tooEarlyTitle: { ar: 'لم يحن وقت موعدك بعد', en: 'It is not time for your appointment yet', fr: 'Ce n’est pas encore l’heure de votre rendez-vous' },
  tooEarlyHelp: {
    ar: 'يُفتح تسجيل الحضور قبيل موعدك، فيرجى العودة حينها.',
    en: 'Check-in opens shortly before your time: please come back then.',
    fr: 'L’enregistrement ouvre peu avant l’heure de votre rendez-vous\u00a0: veuillez revenir à ce moment-là.',
  },
  tooLateTitle: { ar: 'فات وقت تسجيل الحضور لموعدك', en: 'It is too late to check in for your appointment', fr: 'Il est trop tard pour enregistrer votre arrivée à ce rendez-vous' },
  tooLateOffer: {
    ar: 'يمكنك أخذ دور عادي للخدمة نفسها الآن.',
    en: 'You can take an ordinary ticket for the same service now.',
    fr: 'Vous pouvez prendre maintenant un ticket ordinaire pour le même service.',
  },
  ordinaryTicket: { ar: 'خذ دوراً عادياً', en: 'Take an ordinary ticket', fr: 'Prendre un ticket ordinaire' },
} satisfies Record<string, Phrase>;

export type TextKey = keyof typeof TEXT;

/** «موعدك الساعة ١٠:٤٠» / "Your appointment is at 10:40" (a time in the hall's digits). */
export const appointmentAt = (time: string, lang: Lang) =>
  ({ ar: `موعدك الساعة ${time}`, en: `Your appointment is at ${time}`, fr: `Votre rendez-vous est à ${time}` })[lang];

/** «العودة إلى القائمة بعد ١٥ ثانية» / "Back to the menu in 15 s" / «Retour au menu dans 15 s». */
export function backIn(seconds: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return `Back to the menu in ${seconds} s`;
  if (lang === 'fr') return `Retour au menu dans ${seconds}\u00a0s`;
  const span = arabicCount(seconds, digits, { one: 'ثانية واحدة', two: 'ثانيتين', few: 'ثوانٍ', many: 'ثانية', other: 'ثانية' });
  return `العودة إلى القائمة بعد ${span}`;
}
