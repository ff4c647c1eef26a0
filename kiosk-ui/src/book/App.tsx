import { useState } from 'preact/hooks';
import { PhoneHeader } from '../track/components/PhoneHeader.js';
import { useLang } from '../../../ui-kit/hooks.js';
import { useHall } from '../track/hall.js';
import { PhoneUiContext } from '../track/ui.js';
import { Booked } from './Booked.js';
import { BookingFlow } from './BookingFlow.js';

// /book/: a citizen books a slot from the phone; /book/?code=… shows that booking and cancels it.
// No name, no ID number; a phone number only if the citizen wants reminders.

const codeInAddress = () => new URL(location.href).searchParams.get('code');

export function App() {
  const [lang, toggleLang] = useLang();
  const hall = useHall();
  const [code, setCode] = useState(codeInAddress);

  /** Shows a booking and keeps its code in the address, so a reload or a bookmark finds it again. */
  const show = (next: string | null) => {
    const url = new URL(location.href);
    if (next) url.searchParams.set('code', next);
    else url.searchParams.delete('code');
    history.replaceState(null, '', url.pathname + url.search);
    setCode(next);
  };

  return (
    <PhoneUiContext.Provider value={{ lang, digits: hall?.digits ?? 'arab' }}>
      <div class="p-page">
        <PhoneHeader hallName={hall?.name ?? null} languages={hall?.languages ?? ['ar', 'en']} onLanguage={toggleLang} />
        <main class="p-main">
          {code ? <Booked code={code} hall={hall} onNew={() => show(null)} /> : <BookingFlow hall={hall} onBooked={show} />}
        </main>
      </div>
    </PhoneUiContext.Provider>
  );
}
