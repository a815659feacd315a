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
  ])('names the invalid setting %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(InvalidConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
