import { formatNumber, formatTicketNumber, type Lang } from '../../../ui-kit/i18n.js';
import { Icon } from '../../../ui-kit/icons.js';
import { alsoOf, Bi } from '../shared/Bi.js';
import { Clock } from '../shared/Clock.js';
import type { DisplayController } from '../shared/controller.js';
import { useDisplayState } from '../shared/hooks.js';
import { LinkMark, Unpaired } from '../shared/Status.js';
import { TEXT } from '../shared/text.js';

/** The screen above one counter: its number, and the ticket there or why there is none. */
export function CounterDisplay({ controller, lang }: { controller: DisplayController | null; lang: Lang }) {
  if (!controller) return <Unpaired lang={lang} title={TEXT.noCounter} help={TEXT.noCounterHelp} />;
  return <CounterScreen controller={controller} lang={lang} />;
}

function CounterScreen({ controller, lang }: { controller: DisplayController; lang: Lang }) {
  const state = useDisplayState(controller);
  if (state.link === 'unpaired') return <Unpaired lang={lang} />;
  const s = state.snapshot;
  const counter = state.counter;
  if (s && !counter) return <Unpaired lang={lang} title={TEXT.noCounter} help={TEXT.noCounterHelp} />; // deactivated
  if (!s || !counter) {
    return (
      <main class="counter-screen">
        <LinkMark state={state} lang={lang} />
      </main>
    );
  }
  const digits = s.hall.digits;
  const also = alsoOf(s.hall.languages, lang);
  const ticket = counter.state === 'closed' ? null : counter.ticket;
  const status = ticket ? TEXT[ticket.status] : TEXT[counter.state];
  // A call (or recall) of the ticket here highlights it; `key` restarts the animation each time.
  const justCalled = ticket !== null && state.featured?.ticket.id === ticket.id && state.flash === state.featured.id;
  return (
    <main class={`counter-screen state-${counter.state}`} data-state={counter.state} data-ticket={ticket?.number ?? ''}>
      <h1 class="counter-head">
        <Bi text={TEXT.counter} lang={lang} also={also} class="counter-label" />
        <span class="counter-own-number">{formatNumber(counter.number, lang, digits)}</span>
      </h1>
      <section class="counter-body">
        {ticket ? (
          <div class={`counter-ticket ${justCalled ? 'flash' : ''}`} key={state.flash}>
            <Bi text={TEXT.ticket} lang={lang} also={also} class="counter-ticket-label" />
            <bdi class="ticket-number">{formatTicketNumber(ticket.number, digits)}</bdi>
          </div>
        ) : (
          <div class="counter-idle" aria-hidden="true">
            {counter.state === 'open' ? '…' : <Icon shape={counter.state === 'paused' ? 'cup' : 'closed'} />}
          </div>
        )}
        <div class="counter-status" role="status">
          <Bi text={status} lang={lang} also={also} />
          {counter.state === 'paused' && counter.pauseReason && <span class="pause-reason">{counter.pauseReason}</span>}
        </div>
      </section>
      <footer class="counter-foot">
        <Clock lang={lang} timeZone={s.hall.timeZone} digits={digits} calendar={s.hall.hijriCalendar} skewMs={state.skewMs} />
      </footer>
      <LinkMark state={state} lang={lang} also={also} />
    </main>
  );
}
