import { useEffect, useRef } from 'preact/hooks';

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
