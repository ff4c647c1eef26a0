import type { AreaProps } from '../../clerk-ui/src/area.js';

/** A city screen's props: the staff app's, and the shell's check of a session the server refused. */
export interface CityAreaProps extends AreaProps {
  checkSession(): void;
}

/** The zone a city's dates are in until its halls say (a city is in one), and a new hall's default. */
export const DEFAULT_ZONE = 'Asia/Damascus';
