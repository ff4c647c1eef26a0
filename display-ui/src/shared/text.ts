import type { Phrase } from '../../../ui-kit/i18n.js';

// The words of the displays. Names from the server (hall, services) come bilingual already.

export const TEXT = {
  ticket: { ar: 'الرقم', en: 'Ticket', fr: 'Ticket' },
  counter: { ar: 'الشباك', en: 'Counter', fr: 'Guichet' },
  nowCalling: { ar: 'يرجى التوجه', en: 'Please proceed', fr: 'Veuillez vous présenter' },
  recall: { ar: 'نداء متكرر', en: 'Recall', fr: 'Rappel' },
  previous: { ar: 'النداءات السابقة', en: 'Previous calls', fr: 'Appels précédents' },
  newCalls: { ar: 'نداءات جديدة', en: 'New calls', fr: 'Nouveaux appels' },
  closedToday: { ar: 'مغلقة اليوم', en: 'Closed today', fr: 'Fermé aujourd’hui' },
  connecting: { ar: 'جارٍ الاتصال بالخادم…', en: 'Connecting to the server…', fr: 'Connexion au serveur…' },
  offline: { ar: 'انقطع الاتصال، وقد لا تكون النداءات المعروضة محدَّثة', en: 'Connection lost: the calls shown may be out of date', fr: 'Connexion perdue\u00a0: les appels affichés ne sont peut-être plus à jour' },
  noCalls: { ar: 'لا نداءات بعد', en: 'No calls yet', fr: 'Aucun appel pour l’instant' },
  waiting: { ar: 'في الانتظار', en: 'Waiting', fr: 'En attente' },
  unauthorized: { ar: 'رمز الشاشة مرفوض', en: 'Display token refused', fr: 'Jeton de l’écran refusé' },
  enableSound: { ar: 'اضغط لتفعيل الصوت', en: 'Tap to enable sound', fr: 'Touchez pour activer le son' },
  unpaired: { ar: 'هذه الشاشة غير مقترنة', en: 'This screen is not paired', fr: 'Cet écran n’est pas appairé' },
  unpairedHelp: {
    ar: 'افتح هذا العنوان مرة واحدة مع ‎?token=‎ ورمز جهاز العرض الذي أنشأه المدير.',
    en: 'Open this address once with ?token= and the display device token an admin created.',
    fr: 'Ouvrez une fois cette adresse avec ?token= suivi du jeton d’écran créé par un administrateur.',
  },
  noCounter: { ar: 'لم يُحدَّد الشباك', en: 'No counter chosen', fr: 'Aucun guichet choisi' },
  noCounterHelp: { ar: 'أضف ‎?counter=‎ ورقم الشباك إلى العنوان.', en: 'Add ?counter= and the counter id to the address.', fr: 'Ajoutez ?counter= et le numéro du guichet à l’adresse.' },
  closed: { ar: 'الشباك مغلق', en: 'Counter closed', fr: 'Guichet fermé' },
  paused: { ar: 'استراحة قصيرة', en: 'On a short break', fr: 'Courte pause' },
  open: { ar: 'بانتظار الرقم التالي', en: 'Waiting for the next ticket', fr: 'En attente du ticket suivant' },
  called: { ar: 'يرجى التقدم إلى الشباك', en: 'Please come to the counter', fr: 'Veuillez vous présenter au guichet' },
  serving: { ar: 'قيد الخدمة', en: 'Now serving', fr: 'Service en cours' },
} satisfies Record<string, Phrase>;
