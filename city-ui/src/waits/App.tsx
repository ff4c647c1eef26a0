import { useEffect, useState } from 'preact/hooks';
import type { CityWaits, HallLocation } from '../../../server/protocol/city.js';
import { useLang } from '../../../ui-kit/hooks.js';
import { formatTime, labelled, LANG_NAMES, LANGS, pick, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { PHRASES, waitWords } from '../../../ui-kit/phrases.js';
import { choicesFor, servicesOf, type Choice } from './order.js';
import { distanceWords, opensWords, W, waitingWords } from './text.js';

// /waits/ on the city server: a citizen picks a service, then sees every centre offering it, the
// shortest wait first, or the nearest first once the phone says where it is (the position stays
// in the browser: only the halls' own places come from the city). Read again every 30 s.

const REFRESH_MS = 30_000;
const DIGITS: Digits = 'arab';

type Sheet = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; waits: CityWaits; at: Date };
type Place = { kind: 'off' } | { kind: 'locating' } | { kind: 'denied' } | { kind: 'known'; at: HallLocation };

function useWaits(): Sheet {
  const [sheet, setSheet] = useState<Sheet>({ kind: 'loading' });
  useEffect(() => {
    const read = () =>
      fetch('/api/city/waits')
        .then((res) => (res.ok ? (res.json() as Promise<CityWaits>) : Promise.reject(new Error(String(res.status)))))
        .then(
          (waits) => setSheet({ kind: 'ready', waits, at: new Date() }),
          () => setSheet((s) => (s.kind === 'ready' ? s : { kind: 'failed' })),
        );
    void read();
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return sheet;
}

const urlService = () => new URL(location.href).searchParams.get('service');

export function App() {
  const [lang] = useLang();
  const sheet = useWaits();
  const [code, setCode] = useState<string | null>(urlService);
  const [place, setPlace] = useState<Place>({ kind: 'off' });

  const choose = (next: string | null) => {
    const url = new URL(location.href);
    if (next) url.searchParams.set('service', next);
    else url.searchParams.delete('service');
    history.replaceState(null, '', url);
    setCode(next);
  };
  const locate = () => {
    setPlace({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setPlace({ kind: 'known', at: { lat: p.coords.latitude, lng: p.coords.longitude } }),
      () => setPlace({ kind: 'denied' }),
      { maximumAge: 5 * 60_000, timeout: 15_000 },
    );
  };
  /** This page in another language: no `lang` for Arabic, as everywhere. */
  const inLang = (other: Lang) => {
    const url = new URL(location.href);
    if (other === 'ar') url.searchParams.delete('lang');
    else url.searchParams.set('lang', other);
    return url.pathname + url.search;
  };

  return (
    <div class="p-page w-page">
      <header class="w-head">
        <h1>{W.title[lang]}</h1>
        <nav class="w-langs" aria-label={W.language[lang]}>
          {LANGS.filter((l) => l !== lang).map((l) => (
            <a key={l} class="w-lang" href={inLang(l)} lang={l}>
              {LANG_NAMES[l]}
            </a>
          ))}
        </nav>
      </header>
      <main class="w-main">
        {sheet.kind === 'loading' && <p role="status">{W.loading[lang]}</p>}
        {sheet.kind === 'failed' && <p role="alert">{W.failed[lang]}</p>}
        {sheet.kind === 'ready' && (
          <Centres lang={lang} waits={sheet.waits} at={sheet.at} code={code} place={place} onChoose={choose} onLocate={locate} onByWait={() => setPlace({ kind: 'off' })} />
        )}
      </main>
    </div>
  );
}

interface CentresProps {
  lang: Lang;
  waits: CityWaits;
  at: Date;
  code: string | null;
  place: Place;
  onChoose(code: string | null): void;
  onLocate(): void;
  onByWait(): void;
}

function Centres({ lang, waits, at, code, place, onChoose, onLocate, onByWait }: CentresProps) {
  const services = servicesOf(waits);
  const service = services.find((s) => s.code === code);
  if (services.length === 0) return <p>{W.noCentres[lang]}</p>;
  if (!service) {
    return (
      <section aria-labelledby="w-choose">
        <p class="w-intro">{W.intro[lang]}</p>
        <h2 id="w-choose">{W.chooseService[lang]}</h2>
        <ul class="w-services">
          {services.map((s) => (
            <li key={s.code}>
              <button type="button" class="p-secondary w-service" onClick={() => onChoose(s.code)}>
                {pick(s.name, lang)}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const from = place.kind === 'known' ? place.at : null;
  const choices = choicesFor(waits, service.code, from);
  const today = new Intl.DateTimeFormat('en-CA').format(at);
  return (
    <section aria-labelledby="w-service">
      <div class="w-chosen">
        <h2 id="w-service">{pick(service.name, lang)}</h2>
        <button type="button" class="p-secondary" onClick={() => onChoose(null)}>
          {W.changeService[lang]}
        </button>
      </div>
      <div class="w-order">
        {from ? (
          <button type="button" class="p-secondary" onClick={onByWait}>
            {W.byWait[lang]}
          </button>
        ) : (
          <button type="button" class="p-primary" onClick={onLocate} disabled={place.kind === 'locating'}>
            {W.nearest[lang]}
          </button>
        )}
        <p class="w-note">{W.locationPrivate[lang]}</p>
      </div>
      <p role="status" class="w-note">
        {place.kind === 'locating' ? W.locating[lang] : place.kind === 'denied' ? W.noLocation[lang] : from ? W.orderedByDistance[lang] : W.orderedByWait[lang]}
      </p>
      <ol class="w-centres" aria-label={W.centresFor[lang]}>
        {choices.map((c) => (
          <Centre key={c.hall.id} lang={lang} choice={c} today={today} />
        ))}
      </ol>
      <p class="w-note">
        {W.updated[lang]} {formatTime(at, lang, Intl.DateTimeFormat().resolvedOptions().timeZone, DIGITS)}
      </p>
    </section>
  );
}

function Centre({ lang, choice: { hall, service, distanceM }, today }: { lang: Lang; choice: Choice; today: string }) {
  const wait = waitWords({ ...service, notStarted: null }, lang, DIGITS);
  return (
    <li class={`w-centre${hall.stale ? ' w-stale' : ''}`}>
      <h3>{pick(hall.name, lang)}</h3>
      {distanceM !== undefined && <p class="w-note">{distanceWords(distanceM, lang, DIGITS)}</p>}
      {hall.stale ? (
        <p class="w-state">{W.noLiveData[lang]}</p>
      ) : (
        <>
          <p class={`w-state ${hall.openNow ? 'w-open' : 'w-closed'}`}>
            {hall.openNow ? W.openNow[lang] : W.closedNow[lang]}
            {!hall.openNow && hall.nextOpening && ` · ${opensWords(hall.nextOpening, today, lang, DIGITS)}`}
          </p>
          {hall.openNow && (
            <>
              <p class="w-wait">
                {labelled(PHRASES.expectedWait[lang], lang)}
                <strong>{wait ?? W.noEstimate[lang]}</strong>
              </p>
              {service.waiting != null && <p>{waitingWords(service.waiting, lang, DIGITS)}</p>}
            </>
          )}
        </>
      )}
      {hall.joinUrl && !hall.stale && hall.openNow && (
        <a class="p-primary w-take" href={lang === 'ar' ? hall.joinUrl : `${hall.joinUrl}?lang=${lang}`}>
          {W.takeTicket[lang]}
        </a>
      )}
    </li>
  );
}
