import { useEffect, useState } from 'preact/hooks';
import type { DisplayController, DisplayState } from './controller.js';

export function useDisplayState(controller: DisplayController): DisplayState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    // The controller may have moved on between the first render and this effect.
    setState(controller.state);
    return controller.subscribe(() => setState(controller.state));
  }, [controller]);
  return state;
}
