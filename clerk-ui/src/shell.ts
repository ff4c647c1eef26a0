import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Hall } from './hall.js';

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
