import { Fragment } from 'preact';
import type { Call, DisplaySnapshot } from '../../../server/protocol/schemas.js';
import { dirOf, formatNumber, formatTicketNumber, pick, type Bilingual, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { Icon } from '../../../ui-kit/icons.js';
import { alsoOf, alsoShown, Bi } from '../shared/Bi.js';
import { Clock } from '../shared/Clock.js';
import type { DisplayController } from '../shared/controller.js';
import { recentList } from '../shared/calls.js';
import { useDisplayState } from '../shared/hooks.js';
import { LinkMark, SoundOverlay, Unpaired } from '../shared/Status.js';
import { TEXT } from '../shared/text.js';
import { Media } from './Media.js';

interface View {
  lang: Lang;
  digits: Digits;
  /** The hall's other languages, shown beneath. */
  also: Lang[];
}

function TicketNumber({ number, view }: { number: string; view: View }) {
  return <bdi class="ticket-number">{formatTicketNumber(number, view.digits)}</bdi>;
}

function Current({ call, flash, live, view }: { call: Call | null; flash: number; live: boolean; view: View }) {
  if (!call) {
    return (
      <section class="current current-empty">
        <Bi text={TEXT.noCalls} lang={view.lang} also={view.also} />
      </section>
    );
  }
  // `key` remounts the panel for each call, which restarts the highlight animation.
  return (
    <section class={`current ${flash === call.id ? 'flash' : ''}`} key={call.id} data-call-id={call.id} aria-live="assertive">
      <div class="current-label">
        <Bi text={TEXT.nowCalling} lang={view.lang} also={view.also} />
        {call.recall && live && <span class="recall-tag">{pick(TEXT.recall, view.lang)}</span>}
      </div>
      <div class="current-call">
        <div class="current-part">
          <Bi text={TEXT.ticket} lang={view.lang} also={view.also} class="part-label" />
          <TicketNumber number={call.ticket.number} view={view} />
        </div>
        <Icon shape="arrow" points={dirOf(view.lang) === 'rtl' ? 'left' : 'right'} class="current-arrow" />
        <div class="current-part">
          <Bi text={TEXT.counter} lang={view.lang} also={view.also} class="part-label" />
          <span class="counter-number">{formatNumber(call.counter.number, view.lang, view.digits)}</span>
        </div>
      </div>
    </section>
  );
}

/** A ticket → counter line of the lists. */
function CallLine({ call, view, speaking = false }: { call: Call; view: View; speaking?: boolean }) {
  return (
    <li data-call-id={call.id} class={speaking ? 'speaking' : undefined}>
      <TicketNumber number={call.ticket.number} view={view} />
      <Icon shape="arrow" points={dirOf(view.lang) === 'rtl' ? 'left' : 'right'} class="call-arrow" />
      <span class="call-counter">
        <span class="call-counter-label">{pick(TEXT.counter, view.lang)}</span> {formatNumber(call.counter.number, view.lang, view.digits)}
      </span>
    </li>
  );
}

/** Calls not yet spoken, but the featured one: each stays in view here until it has been spoken; the one being spoken is marked. */
function NewCalls({ calls, speakingId, view }: { calls: Call[]; speakingId: number | null; view: View }) {
  return (
    <section class="new-calls">
      <h2>
        <Bi text={TEXT.newCalls} lang={view.lang} also={view.also} />
      </h2>
      <ol class="call-list new-list">
        {calls.map((call) => (
          <CallLine key={call.id} call={call} view={view} speaking={call.id === speakingId} />
        ))}
      </ol>
    </section>
  );
}

function Recent({ calls, view }: { calls: Call[]; view: View }) {
  return (
    <section class="recent">
      <h2>
        <Bi text={TEXT.previous} lang={view.lang} also={view.also} />
      </h2>
      <ol class="call-list recent-list">
        {calls.map((call) => (
          <CallLine key={call.id} call={call} view={view} />
        ))}
      </ol>
    </section>
  );
}

function Waiting({ snapshot, waiting, view }: { snapshot: DisplaySnapshot; waiting: { serviceId: number; count: number }[]; view: View }) {
  const counts = new Map(waiting.map((w) => [w.serviceId, w.count]));
  // A zone's display counts the services its counters serve.
  const served = new Set(snapshot.counters.flatMap((c) => c.serviceIds));
  const shown = snapshot.services.filter((s) => snapshot.zone === null || served.has(s.id));
  return (
    <section class="waiting">
      <h2>
        <Bi text={TEXT.waiting} lang={view.lang} also={view.also} />
      </h2>
      <ul class="waiting-list">
        {shown.map((s) => (
          <li key={s.id} data-service-id={s.id} class={s.closedToday ? 'closed' : undefined}>
            <span class="service-code">{s.code}</span>
            <span class="service-name">{pick(s.name, view.lang)}</span>
            {s.closedToday && <span class="service-closed">{pick(TEXT.closedToday, view.lang)}</span>}
            <span class="service-count">{formatNumber(counts.get(s.id) ?? 0, view.lang, view.digits)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ticker({ text, view }: { text: Bilingual; view: View }) {
  return (
    <div class="ticker" aria-hidden="true">
      <div class="ticker-track">
        <span lang={view.lang}>{pick(text, view.lang)}</span>
        {alsoShown(text, view.lang, view.also).map((other) => (
          <Fragment key={other}>
            <span class="ticker-dot">•</span>
            <span lang={other} dir={dirOf(other)}>
              {pick(text, other)}
            </span>
          </Fragment>
        ))}
      </div>
    </div>
  );
}

export function HallDisplay({ controller, lang }: { controller: DisplayController; lang: Lang }) {
  const state = useDisplayState(controller);
  if (state.link === 'unpaired') return <Unpaired lang={lang} />;
  const s = state.snapshot;
  if (!s) {
    return (
      <main class="hall hall-loading">
        <LinkMark state={state} lang={lang} />
      </main>
    );
  }
  const view: View = { lang, digits: s.hall.digits, also: alsoOf(s.hall.languages, lang) };
  const settings = s.hall.display;
  const live = state.link === 'online';
  const featured = state.featured;
  const waitingToBeSpoken = state.unspoken.filter((c) => c.id !== featured?.id);
  const recent = recentList(state.calls, featured ? [featured, ...waitingToBeSpoken] : waitingToBeSpoken, settings.recentCalls);
  return (
    <main class={`hall ${s.media.length ? 'with-media' : ''} ${settings.ticker ? 'with-ticker' : ''} ${live ? '' : 'offline'}`}>
      <header class="hall-head">
        <h1 class="hall-name">
          <Bi text={s.hall.name} lang={lang} also={view.also} />
        </h1>
        <Clock lang={lang} timeZone={s.hall.timeZone} digits={s.hall.digits} calendar={s.hall.hijriCalendar} skewMs={state.skewMs} />
      </header>
      <Current call={featured} flash={state.flash} live={live} view={view} />
      {waitingToBeSpoken.length > 0 && <NewCalls calls={waitingToBeSpoken} speakingId={state.speaking ? (state.unspoken[0]?.id ?? null) : null} view={view} />}
      {settings.recentCalls > 0 && <Recent calls={recent} view={view} />}
      {s.media.length > 0 && <Media items={s.media} speaking={state.speaking} />}
      <Waiting snapshot={s} waiting={state.waiting} view={view} />
      {settings.ticker && <Ticker text={settings.ticker} view={view} />}
      <LinkMark state={state} lang={lang} also={view.also} />
      {state.soundBlocked && <SoundOverlay controller={controller} lang={lang} also={view.also} />}
    </main>
  );
}
