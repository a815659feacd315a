import { InvalidConfigError, loadConfig } from '../../libs/platform/src/config/app-config.js';

describe('configuration', () => {
  it('has the documented defaults; demo mode is on for the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, RUMBO_DATA_DIR: './data', EMBEDDED_PG_PORT: 54329 });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.demo).toBe(true);
  });

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', RUMBO_JWT_SECRET: 's'.repeat(40), RUMBO_DEMO: 'false' });
    expect(c.PORT).toBe(8080);
    expect(c.demo).toBe(false);
  });

  it('email is off without SMTP_URL; the jobs run on their default schedules, which are settings', () => {
    const c = loadConfig({});
    expect(c.SMTP_URL).toBeUndefined();
    expect(c).toMatchObject({ RUMBO_DAILY_JOBS_CRON: '0 2,3,4 * * *', RUMBO_DIGEST_CRON: '0 8 * * 1', RUMBO_MAIL_RETRY_CRON: '*/5 * * * *', RUMBO_JOBS_TIME_ZONE: 'America/Mexico_City' });
    const set = loadConfig({ SMTP_URL: 'smtps://avisos:secreto@smtp.example.mx:465', RUMBO_DAILY_JOBS_CRON: '30 1 * * *', RUMBO_DIGEST_CRON: '0 9 * * 5' });
    expect(set).toMatchObject({ SMTP_URL: 'smtps://avisos:secreto@smtp.example.mx:465', RUMBO_DAILY_JOBS_CRON: '30 1 * * *', RUMBO_DIGEST_CRON: '0 9 * * 5' });
  });

  it('refuses to start without a signing key outside demo mode', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/RUMBO_JWT_SECRET: required outside demo mode/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ EMBEDDED_PG_PORT: '80' }, 'EMBEDDED_PG_PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ RUMBO_JWT_SECRET: 'short' }, 'RUMBO_JWT_SECRET'],
    [{ RUMBO_TOKEN_TTL: 'forever' }, 'RUMBO_TOKEN_TTL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ RUMBO_TRUSTED_PROXIES: 'true' }, 'RUMBO_TRUSTED_PROXIES'],
    [{ RUMBO_TRUSTED_PROXIES: '*' }, 'RUMBO_TRUSTED_PROXIES'],
    [{ RUMBO_TRUSTED_PROXIES: '1' }, 'RUMBO_TRUSTED_PROXIES'],
    [{ RUMBO_TRUSTED_PROXIES: '10.0.0.0/33' }, 'RUMBO_TRUSTED_PROXIES'],
    [{ RUMBO_TRUSTED_PROXIES: 'loopback,proxy.example.mx' }, 'RUMBO_TRUSTED_PROXIES'],
    [{ RUMBO_DB_STATEMENT_TIMEOUT_MS: '0' }, 'RUMBO_DB_STATEMENT_TIMEOUT_MS'],
    [{ RUMBO_DB_QUERY_TIMEOUT_MS: 'soon' }, 'RUMBO_DB_QUERY_TIMEOUT_MS'],
    [{ RUMBO_DB_POOL_SIZE: '0' }, 'RUMBO_DB_POOL_SIZE'],
    [{ SMTP_URL: 'mail.example.mx:25' }, 'SMTP_URL'],
    [{ RUMBO_DAILY_JOBS_CRON: 'every night' }, 'RUMBO_DAILY_JOBS_CRON'],
    [{ RUMBO_DIGEST_CRON: '0 25 * * 1' }, 'RUMBO_DIGEST_CRON'],
    [{ RUMBO_MAIL_RETRY_CRON: '' }, 'RUMBO_MAIL_RETRY_CRON'],
    [{ RUMBO_JOBS_TIME_ZONE: 'Mars/Olympus' }, 'RUMBO_JOBS_TIME_ZONE'],
    [{ RUMBO_PUBLIC_URL: 'rumbo.example.mx' }, 'RUMBO_PUBLIC_URL'],
  ])('names the invalid setting %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(InvalidConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('trusts no proxy by default, so X-Forwarded-For is ignored', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ RUMBO_TRUSTED_PROXIES: '' }).trustProxy).toBe(false);
  });

  it('reads trusted proxies as a list for express: named ranges, addresses and CIDR ranges', () => {
    expect(loadConfig({ RUMBO_TRUSTED_PROXIES: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ RUMBO_TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ,192.168.1.7,fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
  });

  it('has database time limits with sane defaults', () => {
    expect(loadConfig({})).toMatchObject({
      RUMBO_DB_POOL_SIZE: 10,
      RUMBO_DB_STATEMENT_TIMEOUT_MS: 5000,
      RUMBO_DB_LOCK_TIMEOUT_MS: 2000,
      RUMBO_DB_ACQUIRE_TIMEOUT_MS: 1500,
      RUMBO_DB_QUERY_TIMEOUT_MS: 2000,
    });
    expect(loadConfig({ RUMBO_DB_STATEMENT_TIMEOUT_MS: '30000', RUMBO_DB_POOL_SIZE: '20' })).toMatchObject({ RUMBO_DB_STATEMENT_TIMEOUT_MS: 30000, RUMBO_DB_POOL_SIZE: 20 });
  });
});
