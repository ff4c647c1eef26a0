import { useRef, useState } from 'preact/hooks';
import type { Service, Ticket } from '../../../server/protocol/schemas.js';
import { formatTicketNumber, formatTime, labelled, pick } from '../../../ui-kit/i18n.js';
import { appointmentTag, peopleAhead, waitLine } from '../../../ui-kit/phrases.js';
import { useUi } from '../ui.js';
import { Countdown } from './Countdown.js';
import { PrinterNotice, type PrintState } from './PrinterNotice.js';
import { QrCode } from './QrCode.js';
import { ShorterWait } from './ShorterWait.js';
import { WhatToBring } from './WhatToBring.js';

interface Props {
  ticket: Ticket;
  service: Service;
  /** What to tell of its paper (printState, worked out once by the app). */
  print: PrintState;
  returnSeconds: number;
  /** Where phones reach the hall; null: this page's own address. */
  publicUrl: string | null;
  /** The hall's, for an appointment's time. */
  timeZone: string;
  onDone(): void;
}

/** The second tap of a double tap that made this ticket must not dismiss it. */
const IGNORE_DONE_MS = 1200;

export function TicketScreen({ ticket, service, print, returnSeconds, publicUrl, timeZone, onDone }: Props) {
  const { lang, digits, t } = useUi();
  const shownAt = useRef(Date.now());
  // Touching the screen (reading the list, photographing the code) restarts the countdown.
  const [touches, setTouches] = useState(0);
  const wait = waitLine(ticket, lang, digits);
  const done = () => {
    if (Date.now() - shownAt.current >= IGNORE_DONE_MS) onDone();
  };
  return (
    <main class="screen ticket" onPointerDown={() => setTouches((n) => n + 1)}>
      <section class="ticket-main" aria-labelledby="ticket-label">
        {ticket.priority && <p class="tag">{t('priorityTag')}</p>}
        {ticket.appointment && (
          <p class="tag appointment-tag">{appointmentTag(formatTime(new Date(ticket.appointment.start), lang, timeZone, digits), lang)}</p>
        )}
        <p id="ticket-label" class="ticket-label" role="heading" aria-level={1}>
          {t('yourNumber')}
        </p>
        <p class="ticket-number" dir="ltr" data-number={ticket.number}>
          {formatTicketNumber(ticket.number, digits)}
        </p>
        <p class="ticket-service">{pick(service.name, lang)}</p>
        <p class="ticket-ahead">{peopleAhead(ticket.ahead, lang, digits)}</p>
        {wait && (
          <p class="ticket-wait">
            {wait.label && labelled(wait.label, lang)}
            <strong>{wait.words}</strong>
          </p>
        )}
        <ShorterWait serviceId={service.id} lang={lang} digits={digits} />
        <PrinterNotice state={print} />
      </section>
      <section class="ticket-side">
        <figure class="qr-figure">
          <QrCode url={`${publicUrl ?? location.origin}/t/${ticket.trackingCode}`} label={t('scanToFollow')} />
          <figcaption>{t('scanToFollow')}</figcaption>
        </figure>
        <WhatToBring service={service} />
      </section>
      <footer class="ticket-footer">
        <Countdown key={touches} seconds={returnSeconds} onEnd={onDone} />
        <button type="button" class="primary done" onClick={done}>
          {t('done')}
        </button>
      </footer>
    </main>
  );
}
