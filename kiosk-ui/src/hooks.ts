import { useEffect, useRef, useState } from 'preact/hooks';

/** The time, refreshed every `everyMs`; `offsetMs` corrects a kiosk whose clock drifts from the server's. */
export function useNow(everyMs: number, offsetMs = 0): Date {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return new Date(now + offsetMs);
}

/** Calls `onIdle` once nobody has touched the screen for `ms` while `active`. */
export function useIdle(ms: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    document.addEventListener('pointerdown', touched, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', touched, true);
    };
  }, [ms, active]);
}

/** Runs `fn` now and every `ms` while mounted. */
export function useInterval(fn: () => void, ms: number): void {
  const callback = useRef(fn);
  callback.current = fn;
  useEffect(() => {
    callback.current();
    const timer = setInterval(() => callback.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
