import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed certificate for localhost, made with openssl in `dir`: TLS_CERT and TLS_KEY. */
export function selfSignedCert(dir: string): { TLS_CERT: string; TLS_KEY: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost',
  ], { stdio: 'ignore' });
  return { TLS_CERT: cert, TLS_KEY: key };
}
