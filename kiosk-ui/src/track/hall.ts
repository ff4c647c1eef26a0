import { useEffect, useState } from 'preact/hooks';
import type { HallInfo } from '../../../server/protocol/schemas.js';
import { api } from '../../../ui-kit/api.js';

/** The hall's name, digits and languages; null until known (the page works without it). */
export function useHall(): HallInfo | null {
  const [hall, setHall] = useState<HallInfo | null>(null);
  useEffect(() => {
    api<HallInfo>('GET', '/api/hall').then(setHall, () => undefined);
  }, []);
  return hall;
}
