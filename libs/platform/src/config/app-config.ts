import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { validateCronExpression } from 'cron';
import { isValidTimeZone } from '../util/dates.js';
import { IsTrustedProxies, parseTrustedProxies } from './trusted-proxies.js';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * The one validated view of the environment. Every setting users may rely on is here, with its default;
 * the app refuses to start when one is invalid and names it.
 */
export class AppConfig {
  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  RUMBO_DATA_DIR = './data';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Demo mode seeds demo data and users into an empty database. Defaults to on for the embedded database. */
  @Transform(toBool) @IsOptional() @IsBoolean()
  RUMBO_DEMO?: boolean;

  /** Signs access tokens. Required outside demo mode. */
  @IsOptional() @IsString() @MinLength(32, { message: 'RUMBO_JWT_SECRET must be at least 32 characters' })
  RUMBO_JWT_SECRET?: string;

  @IsString() @Matches(/^\d+[smhd]$/, { message: 'RUMBO_TOKEN_TTL must look like 30m, 8h or 7d' })
  RUMBO_TOKEN_TTL = '8h';

  @Transform(toInt) @IsInt() @Min(1)
  RUMBO_LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /**
   * Proxies whose `X-Forwarded-For` is believed (express `trust proxy`): `loopback`, `linklocal`, `uniquelocal`
   * and/or IP addresses and CIDR ranges, comma-separated. Empty (the default): the header is ignored and the
   * client is the connection's peer, so nobody can pick their own address for the login limit.
   */
  @Transform(({ value }) => (value === undefined ? undefined : String(value).trim()))
  @IsTrustedProxies()
  RUMBO_TRUSTED_PROXIES = '';

  /** Connections in the database pool. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  RUMBO_DB_POOL_SIZE = 10;

  /** Longest a single SQL statement may run (PostgreSQL `statement_timeout`); long jobs lift it for themselves. */
  @Transform(toInt) @IsInt() @Min(100)
  RUMBO_DB_STATEMENT_TIMEOUT_MS = 5000;

  /** Longest a statement waits for a lock (PostgreSQL `lock_timeout`). */
  @Transform(toInt) @IsInt() @Min(100)
  RUMBO_DB_LOCK_TIMEOUT_MS = 2000;

  /** Longest a request waits for a pooled connection, or for a new one to be established. */
  @Transform(toInt) @IsInt() @Min(100)
  RUMBO_DB_ACQUIRE_TIMEOUT_MS = 1500;

  /**
   * Longest the app waits for the server to answer a query (client side). What turns a hung server — one that
   * accepts but never answers — into a 503 instead of a request that waits forever.
   */
  @Transform(toInt) @IsInt() @Min(100)
  RUMBO_DB_QUERY_TIMEOUT_MS = 2000;

  @IsString() @Matches(/^\d+(kb|mb)$/, { message: 'RUMBO_BODY_LIMIT must look like 512kb or 2mb' })
  RUMBO_BODY_LIMIT = '1mb';

  /** Largest evidence file accepted by `POST …/files`, in bytes (default 10 MB). */
  @Transform(toInt) @IsInt() @Min(1)
  RUMBO_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * The SMTP server reminders and digests go out through (`smtp://user:pass@host:587`, `smtps://…:465`); unset, no
   * email is sent nor queued.
   */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional() @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Where the dashboard is, for the links in emails. */
  @IsString() @Matches(/^https?:\/\/[^\s]+$/, { message: 'RUMBO_PUBLIC_URL must be an http(s) URL' })
  RUMBO_PUBLIC_URL = 'http://localhost:3000';

  /** The From of every email. */
  @IsString() @MinLength(3)
  RUMBO_MAIL_FROM = 'Rumbo <no-reply@rumbo.local>';

  /** The time zone the schedules below are read in. */
  @IsString()
  RUMBO_JOBS_TIME_ZONE = 'America/Mexico_City';

  /** When the daily jobs run (cron, minute first): deadline notifications, snapshots, then the deadline emails. */
  @IsString()
  RUMBO_DAILY_JOBS_CRON = '0 2,3,4 * * *';

  /** When the weekly digests are queued (cron; default Mondays 08:00). */
  @IsString()
  RUMBO_DIGEST_CRON = '0 8 * * 1';

  /** How often queued emails that could not be sent yet are retried (cron; default every 5 minutes). */
  @IsString()
  RUMBO_MAIL_RETRY_CRON = '*/5 * * * *';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  HOST = '0.0.0.0';

  get demo(): boolean {
    return this.RUMBO_DEMO ?? !this.DATABASE_URL;
  }

  /** The value for express' `trust proxy`: `false` (trust nobody) unless RUMBO_TRUSTED_PROXIES names some. */
  get trustProxy(): false | string[] {
    const list = parseTrustedProxies(this.RUMBO_TRUSTED_PROXIES);
    return list.length ? list : false;
  }
}

export class InvalidConfigError extends Error {}


export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (known.includes(k) || k === 'DATABASE_URL' || k === 'SMTP_URL' || k.startsWith('RUMBO_'))));
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (!config.demo && !config.RUMBO_JWT_SECRET) problems.push('RUMBO_JWT_SECRET: required outside demo mode (at least 32 characters)');
  for (const key of ['RUMBO_DAILY_JOBS_CRON', 'RUMBO_DIGEST_CRON', 'RUMBO_MAIL_RETRY_CRON'] as const) {
    if (!validateCronExpression(config[key]).valid) problems.push(`${key}: not a cron expression (e.g. "0 2 * * *": minute, hour, day, month, weekday)`);
  }
  if (!isValidTimeZone(config.RUMBO_JOBS_TIME_ZONE)) problems.push(`RUMBO_JOBS_TIME_ZONE: unknown time zone (e.g. America/Mexico_City)`);
  if (problems.length) throw new InvalidConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

/** For entry points: a readable message and exit code 78 (EX_CONFIG) instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof InvalidConfigError)) throw e;
    console.error(e.message);
    process.exit(78);
  }
}
