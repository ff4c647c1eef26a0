import { useEffect, useState } from 'preact/hooks';

/**
 * The time, refreshed every `everyMs`; `offsetMs` (server clock minus this device's) shows the
 * hall's time on a kiosk or a TV whose own clock drifts.
 */
export function useNow(everyMs: number, offsetMs = 0): Date {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return new Date(now + offsetMs);
}
