import type { AreaProps } from '../../clerk-ui/src/area.js';

/** A city screen's props: the staff app's, and the shell's check of a session the server refused. */
export interface CityAreaProps extends AreaProps {
  checkSession(): void;
}
