import type { Request } from 'express';

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * `protocol://host[:port]` of a request, for absolute URLs in documents that point back at this server. Protocol
 * and host honour X-Forwarded-Proto/-Host only from trusted proxies (the app's `trust proxy` setting). A host that
 * is not a plain host name or address gives '' (URLs relative to this server) rather than echoing it.
 */
export function requestOrigin(req: Request): string {
  const host = req.host;
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  return typeof host === 'string' && HOST.test(host) ? `${protocol}://${host.toLowerCase()}` : '';
}
