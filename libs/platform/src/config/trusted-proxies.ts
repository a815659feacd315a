import { isIP } from 'node:net';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The names express' `trust proxy` (proxy-addr) understands besides addresses and ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One entry: a named range, an IP address, or an address with a prefix length (`10.0.0.0/8`, `fd00::/8`). */
export function isTrustedProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Checked here rather than left to express, which would only fail on the first request. `true`, `*` or a hop
 * count are refused on purpose: trusting every peer lets any client choose its own address.
 */
export function IsTrustedProxies(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustedProxies',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTrustedProxies(value).every(isTrustedProxyEntry),
        defaultMessage: () => 'RUMBO_TRUSTED_PROXIES must be a comma-separated list of loopback, linklocal, uniquelocal, IP addresses or CIDR ranges',
      },
    },
    options,
  );
}
