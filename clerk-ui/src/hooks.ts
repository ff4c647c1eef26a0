import { useEffect, useRef, useState } from 'preact/hooks';

/** The time (ms), refreshed every `everyMs`, corrected by the server's clock offset. */
export function useNow(everyMs: number, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offsetMs;
}

/** A shortcut: `KeyN`, or `Shift+KeyC` (physical keys, so an Arabic layout works the same). */
export type Hotkeys = Record<string, (() => void) | undefined | false>;

/**
 * Runs the handler of a pressed shortcut, unless the user is typing in a field or a dialog is
 * open (`enabled` false). Keys are matched by `KeyboardEvent.code`, not by the letter typed.
 */
export function useHotkeys(keys: Hotkeys, enabled: boolean): void {
  const current = useRef({ keys, enabled });
  current.current = { keys, enabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!current.current.enabled || e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      const handler = current.current.keys[(e.shiftKey ? 'Shift+' : '') + e.code];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
