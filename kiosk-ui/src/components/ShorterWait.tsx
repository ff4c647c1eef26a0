import { useEffect, useState } from 'preact/hooks';
import { pick, type Bilingual, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { waitWords } from '../../../ui-kit/phrases.js';

// «انتظار أقصر الآن في: مركز الميدان، نحو ١٢ دقيقة»: another centre of the city whose wait for the
// chosen service is much shorter now (GET /api/services/:id/elsewhere; nothing unless the hall's
// setting suggestOtherCentres is on). Used by the kiosk's ticket screen and the phone's /join.

interface Elsewhere {
  name: Bilingual;
  estimatedWaitMinutes: number;
}

export function shorterWaitWords(e: Elsewhere, lang: Lang, digits: Digits): string {
  if (lang === 'en') return `Shorter wait now at: ${pick(e.name, lang)}, ${e.estimatedWaitMinutes <= 0 ? 'under a minute' : `~${e.estimatedWaitMinutes} min`}`;
  const wait = waitWords({ estimatedWaitMinutes: e.estimatedWaitMinutes, notStarted: null }, lang, digits);
  if (lang === 'fr') return `Attente plus courte en ce moment à ${pick(e.name, lang)}\u00a0: ${wait}`;
  return `انتظار أقصر الآن في: ${pick(e.name, lang)}، ${wait}`;
}

/** The words, once the hall has answered; null while it has not, or when there is nothing to say. */
export function useShorterWait(serviceId: number | null, lang: Lang, digits: Digits): string | null {
  const [found, setFound] = useState<Elsewhere | null>(null);
  useEffect(() => {
    setFound(null);
    if (serviceId == null) return;
    let live = true;
    fetch(`/api/services/${serviceId}/elsewhere`)
      .then((res) => (res.ok ? (res.json() as Promise<{ elsewhere: Elsewhere | null }>) : { elsewhere: null }))
      .then((answer) => live && setFound(answer.elsewhere))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [serviceId]);
  return found && shorterWaitWords(found, lang, digits);
}

export function ShorterWait({ serviceId, lang, digits }: { serviceId: number; lang: Lang; digits: Digits }) {
  const words = useShorterWait(serviceId, lang, digits);
  return words ? <p class="shorter-wait">{words}</p> : null;
}
