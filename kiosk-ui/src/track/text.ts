import { formatNumber, type Digits, type Lang, type Phrase } from '../../../ui-kit/i18n.js';
import { PHRASES } from '../../../ui-kit/phrases.js';

// Everything the citizen's phone says (/t/<code> and /join), as a clerk of the hall would say it;
// what a ticket says is worded once for the kiosk, the receipt and the phone (ui-kit/phrases.ts).

export const TEXT = {
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…', fr: 'Chargement…' },
  offline: { ar: 'انقطع الاتصال، جارٍ إعادة المحاولة…', en: 'Connection lost. Trying again…', fr: 'Connexion perdue. Nouvelle tentative…' },
  failed: { ar: 'تعذّر إتمام الطلب، حاول مرة أخرى.', en: 'That did not work. Please try again.', fr: 'Cela n’a pas fonctionné. Veuillez réessayer.' },
  yourNumber: PHRASES.yourNumber,
  mustBeInHall: { ar: 'يجب أن تكون في الصالة عند النداء', en: 'You must be in the hall when called', fr: 'Vous devez être dans la salle au moment de l’appel' },
  keepOpen: { ar: 'أبقِ هذه الصفحة مفتوحة، وسننبّهك عند النداء.', en: "Keep this page open: we'll alert you when you are called.", fr: 'Gardez cette page ouverte\u00a0: nous vous préviendrons quand vous serez appelé.' },
  enableAlerts: { ar: 'تفعيل التنبيه بالصوت والاهتزاز', en: 'Turn on sound and vibration', fr: 'Activer le son et la vibration' },
  alertsOn: { ar: 'التنبيه بالصوت والاهتزاز مفعّل', en: 'Sound and vibration are on', fr: 'Le son et la vibration sont activés' },
  yourTurn: { ar: 'دورك الآن:', en: 'Your turn:', fr: 'C’est votre tour\u00a0:' },
  calledAgain: { ar: 'أُعيد النداء', en: 'Called again', fr: 'Nouvel appel' },
  beingServed: { ar: 'تتم خدمتك الآن', en: 'You are being served', fr: 'Vous êtes en cours de traitement' },
  whatToBring: PHRASES.whatToBring,
  leave: { ar: 'مغادرة الدور', en: 'Leave the queue', fr: 'Quitter la file' },
  leaveQuestion: { ar: 'هل تريد فعلاً مغادرة الدور؟', en: 'Do you really want to leave the queue?', fr: 'Voulez-vous vraiment quitter la file\u00a0?' },
  leaveWarning: {
    ar: 'سيُلغى رقمك ولا يمكن استعادته، وستحتاج إلى دور جديد إن عدت.',
    en: 'Your number will be cancelled for good: you would need a new ticket.',
    fr: 'Votre numéro sera définitivement annulé\u00a0: il vous faudrait un nouveau ticket.',
  },
  leaveYes: { ar: 'نعم، أريد المغادرة', en: 'Yes, leave the queue', fr: 'Oui, quitter la file' },
  leaveNo: { ar: 'لا، سأبقى في الدور', en: 'No, stay in the queue', fr: 'Non, rester dans la file' },
  thanks: { ar: 'شكراً لزيارتك', en: 'Thank you for your visit', fr: 'Merci de votre visite' },
  rateQuestion: { ar: 'كيف كانت الخدمة اليوم؟', en: 'How was the service today?', fr: 'Comment s’est passé le service aujourd’hui\u00a0?' },
  unhappy: { ar: 'غير راضٍ', en: 'Unhappy', fr: 'Mécontent' },
  okay: { ar: 'مقبول', en: 'Okay', fr: 'Correct' },
  happy: { ar: 'راضٍ', en: 'Happy', fr: 'Satisfait' },
  rated: { ar: 'شكراً، وصل تقييمك.', en: 'Thank you: your rating was received.', fr: 'Merci\u00a0: votre avis a bien été reçu.' },
  commentLabel: { ar: 'هل تريد إضافة ملاحظة؟ (اختياري)', en: 'Would you like to add a comment? (optional)', fr: 'Souhaitez-vous ajouter un commentaire\u00a0? (facultatif)' },
  commentHint: { ar: 'لا تكتب اسمك أو رقم هاتفك.', en: 'Please do not write your name or phone number.', fr: 'N’indiquez ni votre nom ni votre numéro de téléphone.' },
  sendComment: { ar: 'إرسال الملاحظة', en: 'Send comment', fr: 'Envoyer le commentaire' },
  commentSent: { ar: 'شكراً، وصلت ملاحظتك.', en: 'Thank you: your comment was received.', fr: 'Merci\u00a0: votre commentaire a bien été reçu.' },
  leftTitle: { ar: 'غادرت الدور', en: 'You left the queue', fr: 'Vous avez quitté la file' },
  leftHelp: { ar: 'أُلغي رقمك. نتمنى لك يوماً طيباً.', en: 'Your number has been cancelled. Have a good day.', fr: 'Votre numéro a été annulé. Bonne journée.' },
  cancelledTitle: { ar: 'أُلغي هذا الدور', en: 'This ticket was cancelled', fr: 'Ce ticket a été annulé' },
  askDesk: { ar: 'للاستفسار، راجع موظف الاستعلامات في الصالة.', en: 'If you have questions, please ask at the information desk.', fr: 'Pour toute question, adressez-vous à l’accueil de la salle.' },
  noShowTitle: { ar: 'فاتك دورك', en: 'You missed your turn', fr: 'Vous avez manqué votre tour' },
  noShowHelp: {
    ar: 'نودي على رقمك ولم تحضر. إن كنت في الصالة، راجع موظف الاستعلامات.',
    en: 'Your number was called but you did not come. If you are in the hall, please ask at the information desk.',
    fr: 'Votre numéro a été appelé, mais vous ne vous êtes pas présenté. Si vous êtes dans la salle, adressez-vous à l’accueil.',
  },
  notFoundTitle: { ar: 'لم نعثر على هذا الدور', en: 'This ticket was not found', fr: 'Ce ticket est introuvable' },
  notFoundHelp: {
    ar: 'ربما انتهت صلاحية الرابط بانتهاء يوم الدوام، أو أنه غير صحيح.',
    en: 'The link may have expired at the end of the working day, or it is not correct.',
    fr: 'Le lien a peut-être expiré à la fin de la journée de travail, ou il est incorrect.',
  },
  phoneTitle: { ar: 'رسالة على هاتفك', en: 'A message on your phone', fr: 'Un message sur votre téléphone' },
  phoneOffer: { ar: 'نرسل لك رسالة عندما يقترب دورك.', en: "We'll send you a message when your turn is near.", fr: 'Nous vous envoyons un message quand votre tour approche.' },
  phoneLabel: { ar: 'رقم الهاتف', en: 'Phone number', fr: 'Numéro de téléphone' },
  phonePrivacy: {
    ar: 'نستخدم رقمك لهذه الرسالة فقط، ونحذفه في نهاية اليوم.',
    en: 'We use your number for this message only, and delete it at the end of the day.',
    fr: 'Nous utilisons votre numéro uniquement pour ce message, et nous l’effaçons en fin de journée.',
  },
  phoneSave: { ar: 'أرسلوا لي رسالة', en: 'Send me a message', fr: 'Envoyez-moi un message' },
  phoneSaved: { ar: 'سنرسل لك رسالة عندما يقترب دورك.', en: "We'll message you when your turn is near.", fr: 'Nous vous enverrons un message quand votre tour approchera.' },
  phoneRemove: { ar: 'احذفوا رقمي', en: 'Delete my number', fr: 'Effacez mon numéro' },
  phoneInvalid: { ar: 'رقم الهاتف غير صحيح.', en: 'This phone number is not valid.', fr: 'Ce numéro de téléphone n’est pas valide.' },
  // /join
  joinTitle: { ar: 'خذ دورك من هاتفك', en: 'Take a ticket on your phone', fr: 'Prenez un ticket sur votre téléphone' },
  chooseService: PHRASES.chooseService,
  waitingNow: PHRASES.waiting,
  joinOff: { ar: 'لا يمكن أخذ دور من الهاتف في هذه الصالة', en: 'This hall does not give tickets on phones', fr: 'Ce centre ne délivre pas de tickets sur téléphone' },
  joinClosed: { ar: 'لا يمكن أخذ دور من الهاتف الآن', en: 'Tickets cannot be taken on phones right now', fr: 'Impossible de prendre un ticket sur téléphone pour le moment' },
  useKiosk: { ar: 'يمكنك أخذ دور من جهاز الأدوار في الصالة.', en: 'You can take a ticket at the ticket machine in the hall.', fr: 'Vous pouvez prendre un ticket à la borne de la salle.' },
  joinQuestion: { ar: 'هل تريد أخذ دور لهذه الخدمة؟', en: 'Do you want a ticket for this service?', fr: 'Voulez-vous un ticket pour ce service\u00a0?' },
  joinYes: { ar: 'نعم، أعطني دوراً', en: 'Yes, give me a ticket', fr: 'Oui, donnez-moi un ticket' },
  back: { ar: 'رجوع', en: 'Back', fr: 'Retour' },
  issuing: PHRASES.issuing,
  tooMany: {
    ar: 'طلبات كثيرة من هذا الجهاز. حاول مجدداً بعد دقائق.',
    en: 'Too many requests from this device. Please try again in a few minutes.',
    fr: 'Trop de demandes depuis cet appareil. Veuillez réessayer dans quelques minutes.',
  },
} satisfies Record<string, Phrase>;

export type TextKey = keyof typeof TEXT;

/** «توجّه إلى الشباك ٥» / "go to counter 5" / «présentez-vous au guichet 5». */
export const goToCounter = (n: number, lang: Lang, digits: Digits) =>
  ({ ar: `توجّه إلى الشباك ${formatNumber(n, lang, digits)}`, en: `go to counter ${n}`, fr: `présentez-vous au guichet ${n}` })[lang];

/** «عند الشباك ٥» / "at counter 5" / «au guichet 5». */
export const atCounter = (n: number, lang: Lang, digits: Digits) =>
  ({ ar: `عند الشباك ${formatNumber(n, lang, digits)}`, en: `at counter ${n}`, fr: `au guichet ${n}` })[lang];
