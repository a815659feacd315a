import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/** The login limit's throttler (auth.module.ts). */
export const LOGIN_THROTTLER = 'login';

/**
 * The login limit, answering 429 with the standard `Retry-After` (seconds). @nestjs/throttler 6 suffixes its
 * headers with the throttler's name (`Retry-After-login`, `X-RateLimit-Limit-login`) for any throttler not named
 * `default`, which no client understands; so the library's headers are off for this throttler
 * (`setHeaders: false`) and the guard sets the one that matters. The client is `req.ip`: the connection's peer,
 * or the forwarded address only when that peer is a trusted proxy (RUMBO_TRUSTED_PROXIES).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const res = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
    res.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    await super.throwThrottlingException(context, detail);
  }
}
