import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';

// Built-in HTTPS: the PEM certificate (with its chain) and key named by TLS_CERT and TLS_KEY.

export interface Tls {
  cert: Buffer;
  key: Buffer;
}

export function readTls(config: Partial<Pick<Config, 'TLS_CERT' | 'TLS_KEY'>>): Tls | null {
  if (!config.TLS_CERT && !config.TLS_KEY) return null;
  if (!config.TLS_CERT || !config.TLS_KEY) throw new Error('Dawr: set both TLS_CERT and TLS_KEY (PEM files) for HTTPS, or neither');
  const read = (name: 'TLS_CERT' | 'TLS_KEY', path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`Dawr: cannot read ${name} ${path}: ${(err as Error).message}`);
    }
  };
  return { cert: read('TLS_CERT', config.TLS_CERT), key: read('TLS_KEY', config.TLS_KEY) };
}
