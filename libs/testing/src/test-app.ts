import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { inject } from 'vitest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/create-app.js';
import { AuthService } from '../../core/src/auth/auth.service.js';
import { Clock } from '../../platform/src/clock/clock.js';
import { loadConfig } from '../../platform/src/config/app-config.js';
import type { AuthUser, Role } from '../../platform/src/auth/roles.js';
import { createTestDatabase } from './test-server.js';
import { ProgramFactory } from './factories/program.factory.js';
import { UserFactory } from './factories/user.factory.js';

export interface TestApp {
  app: NestExpressApplication;
  http: () => TestAgent;
  dataSource: DataSource;
  clock: FixedClock;
  users: UserFactory;
  programs: ProgramFactory;
  /** A signed-in user of that role (created on first use and cached), with its bearer header. */
  as: (role: Role, stateCode?: string) => Promise<SignedIn>;
  /** The bearer header of a given user (signed in on first use and cached). */
  authFor: (user: AuthUser) => Promise<{ Authorization: string }>;
  /** This app's database, for a second app on the same database (`createTestApp({}, { databaseUrl })`). */
  databaseUrl: string;
  close: () => Promise<void>;
}

export interface SignedIn {
  user: AuthUser;
  token: string;
  auth: { Authorization: string };
}

/** A clock the test sets; `today()` answers the set date in any time zone. */
export class FixedClock extends Clock {
  private fixed: Date | null = null;
  set(isoDateOrTime: string): void {
    this.fixed = new Date(isoDateOrTime.length === 10 ? `${isoDateOrTime}T18:00:00Z` : isoDateOrTime);
  }
  override now(): Date {
    return this.fixed ?? new Date();
  }
}

/**
 * The real application (same pipes, filter, guards as production) on a fresh database of its own.
 * Only the clock is replaceable.
 */
export async function createTestApp(env: Record<string, string> = {}, opts: { dashboardDir?: string; databaseUrl?: string } = {}): Promise<TestApp> {
  // With `databaseUrl`, another instance of the app on an existing database (which its creator drops).
  const db = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => {} } : await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
  const config = loadConfig({
    RUMBO_DEMO: 'false',
    RUMBO_JWT_SECRET: 'test-secret-test-secret-test-secret-000',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    ...env,
  });
  const clock = new FixedClock();
  const app = await createApp(config, db.url, { overrideClock: clock, dashboardDir: opts.dashboardDir });
  await app.init();
  const dataSource = app.get(DataSource);
  const users = new UserFactory(dataSource);
  const signedIn = new Map<string, SignedIn>();
  const authService = app.get(AuthService);
  return {
    app,
    dataSource,
    clock,
    users,
    programs: new ProgramFactory(dataSource),
    http: () => request(app.getHttpServer()),
    as: async (role, stateCode) => {
      const key = `${role}:${stateCode ?? ''}`;
      if (!signedIn.has(key)) {
        const user = await users.create({ role, stateCode });
        const token = await authService.issueToken(user);
        signedIn.set(key, { user, token, auth: { Authorization: `Bearer ${token}` } });
      }
      return signedIn.get(key)!;
    },
    authFor: async (user) => {
      const key = `user:${user.id}`;
      if (!signedIn.has(key)) {
        const token = await authService.issueToken(user);
        signedIn.set(key, { user, token, auth: { Authorization: `Bearer ${token}` } });
      }
      return signedIn.get(key)!.auth;
    },
    databaseUrl: db.url,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
