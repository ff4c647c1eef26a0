import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

// No personal data or secrets in logs: a request is logged without its body or headers (so
// without cookies or Authorization), and its URL without a device token (`/kiosk/?token=…`) or
// tracking code (`/t/<code>`, `/api/track/<code>/…`: a code can cancel its ticket).

const TRACKING_CODE = /^(\/+(?:api\/+track|t)\/+)[^/?#]+/i;
const TOKEN_PARAMETER = /([?&]token=)[^&#]*/gi;

/** The URL as it may be logged: tracking codes and `token` parameters replaced by `***`. */
export function loggableUrl(url: string): string {
  return url.replace(TRACKING_CODE, '$1***').replace(TOKEN_PARAMETER, '$1***');
}

/** Where log lines (JSON, one per line) go; stdout by default. */
export interface LogStream {
  write(line: string): void;
}

export function loggerOptions(level: Config['LOG_LEVEL'], stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: loggableUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
