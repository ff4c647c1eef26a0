import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrackedTicket } from '../../../server/protocol/schemas.js';
import { ring } from './alert.js';
import { AlertsButton } from './components/AlertsButton.js';
import { Bring } from './components/Bring.js';
import { CallBanner } from './components/CallBanner.js';
import { LeaveQueue } from './components/LeaveQueue.js';
import { PhoneAlert } from './components/PhoneAlert.js';
import { PhoneHeader } from './components/PhoneHeader.js';
import { Rating } from './components/Rating.js';
import { StatusCard } from './components/StatusCard.js';
import { TicketCard } from './components/TicketCard.js';
import { formatTicketNumber } from '../../../ui-kit/i18n.js';
import { useLang } from '../../../ui-kit/hooks.js';
import { useHall } from './hall.js';
import { useTracked } from './live.js';
import { goToCounter, TEXT } from './text.js';
import { PhoneUiContext, usePhoneUi } from './ui.js';

// /t/<trackingCode>: the citizen's ticket on their phone, live.

const code = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

export function App() {
  const [lang, toggleLang] = useLang();
  const hall = useHall();
  const [tracked, setTicket] = useTracked(code);
  const digits = hall?.digits ?? 'arab';
  const ticket = tracked.kind === 'ready' ? tracked.ticket : null;
  useCallAlert(ticket);

  useEffect(() => {
    const called = ticket?.status === 'called' && ticket.counter;
    document.title = called
      ? `🔔 ${TEXT.yourTurn[lang]} ${goToCounter(ticket.counter!.number, lang, digits)}`
      : `${ticket ? formatTicketNumber(ticket.number, digits) + ' · ' : ''}${lang === 'ar' ? 'دَوْر' : 'Dawr'}`;
  }, [ticket, lang, digits]);

  return (
    <PhoneUiContext.Provider value={{ lang, digits }}>
      <div class="p-page">
        <PhoneHeader hallName={hall?.name ?? null} languages={hall?.languages ?? ['ar', 'en']} onLanguage={toggleLang} />
        {tracked.kind === 'ready' && tracked.offline && (
          <p class="p-banner" role="status">
            {TEXT.offline[lang]}
          </p>
        )}
        <main class="p-main">
          {tracked.kind === 'loading' && <p class="p-center">{TEXT.loading[lang]}</p>}
          {tracked.kind === 'missing' && <StatusCard title="notFoundTitle" text="notFoundHelp" />}
          {ticket && <TicketView ticket={ticket} onTicket={setTicket} />}
        </main>
      </div>
    </PhoneUiContext.Provider>
  );
}

function TicketView({ ticket, onTicket }: { ticket: TrackedTicket; onTicket(t: TrackedTicket): void }) {
  const { t } = usePhoneUi();
  // Cancelled from this page: the citizen left; otherwise the hall cancelled it.
  const [left, setLeft] = useState(false);
  switch (ticket.status) {
    case 'waiting':
      return (
        <>
          <TicketCard ticket={ticket} />
          <p class="p-note">{t('keepOpen')}</p>
          <AlertsButton />
          <Bring items={ticket.whatToBring} />
          <PhoneAlert code={code} ticket={ticket} onTicket={onTicket} />
          <LeaveQueue
            code={code}
            onLeft={(ticket) => {
              setLeft(true);
              onTicket(ticket);
            }}
          />
        </>
      );
    case 'called':
    case 'serving':
      return (
        <>
          <CallBanner ticket={ticket} />
          <TicketCard ticket={ticket} />
          <Bring items={ticket.whatToBring} />
        </>
      );
    case 'done':
      return (
        <>
          <StatusCard title="thanks" />
          <Rating code={code} ticket={ticket} onTicket={onTicket} />
        </>
      );
    case 'no_show':
      return <StatusCard title="noShowTitle" text="noShowHelp" number={ticket.number} />;
    case 'cancelled':
      return left ? <StatusCard title="leftTitle" text="leftHelp" /> : <StatusCard title="cancelledTitle" text="askDesk" number={ticket.number} />;
  }
}

/** Rings when the ticket is called, and again on every recall. */
function useCallAlert(ticket: TrackedTicket | null): void {
  const last = useRef<{ status: string; recalls: number } | null>(null);
  useEffect(() => {
    if (!ticket) return;
    const prev = last.current;
    last.current = { status: ticket.status, recalls: ticket.recalls };
    if (ticket.status === 'called' && (prev?.status !== 'called' || ticket.recalls > prev.recalls)) ring();
  }, [ticket?.status, ticket?.recalls]);
}
