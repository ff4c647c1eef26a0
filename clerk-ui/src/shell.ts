import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { Hall } from './hall.js';
import { useStaffLive, type Live } from './live.js';

/** What the shell shares with its own areas (clerk, supervisor) beyond AreaProps. */
export interface Shell {
  hall: Hall;
  /** The server refused the session somewhere (a socket said unauthorized): check it, log out if it ended. */
  checkSession(): void;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside the shell');
  return shell;
}

/** The live hall for an area (clerk, supervisor): a refused session goes to the shell to check. */
export function useAreaLive(token: string): Live {
  const shell = useShell();
  const live = useStaffLive(token, shell.checkSession);
  // After a reconnect, the hall's services and settings may have changed meanwhile too.
  useEffect(() => {
    if (live.generation > 1) shell.hall.refresh();
  }, [live.generation]);
  return live;
}
