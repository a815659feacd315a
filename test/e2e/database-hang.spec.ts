import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app.js';
import { AuthService } from '../../libs/core/src/auth/auth.service.js';
import { findFreePort, startEmbeddedDatabase, type DatabaseHandle } from '../../libs/database/src/embedded-database.js';
import { loadConfig } from '../../libs/platform/src/config/app-config.js';
import { UserFactory } from '../../libs/testing/src/factories/user.factory.js';
import { pauseCluster, resumeCluster } from '../bench/cluster-faults.mjs';

/**
 * PostgreSQL hangs (every process of its cluster stopped with SIGSTOP: connections are accepted, nothing is
 * answered). With the default limits, requests end with 503 instead of waiting, and the app serves again as soon
 * as the server resumes. A cluster of this test's own — never the shared server.
 */
describe('database hang', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-hang-'));
  const dataDir = path.join(dir, 'pg');
  let db: DatabaseHandle;
  let app: NestExpressApplication;
  let paused: number[] = [];

  beforeAll(async () => {
    db = await startEmbeddedDatabase({ dataDir, port: await findFreePort() });
    const config = loadConfig({ RUMBO_DEMO: 'false', RUMBO_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', DATABASE_URL: db.url });
    app = await createApp(config, db.url);
    await app.init();
  });
  afterAll(async () => {
    resumeCluster(paused);
    await app?.close();
    await db?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the database hangs, and recovers when it resumes', async () => {
    const http = () => request(app.getHttpServer());
    const officer = await new UserFactory(app.get(DataSource)).create({ role: 'state_officer', stateCode: '20' });
    const auth = { Authorization: `Bearer ${await app.get(AuthService).issueToken(officer)}` };
    // Some pooled connections exist before the hang (their backends freeze mid-conversation); more requests than
    // that at once also need new connections, whose set-up then never completes.
    await Promise.all(Array.from({ length: 3 }, () => http().get('/api/v1/me').set(auth).expect(200)));
    await http().get('/api/v1/health').expect(200, { status: 'ok', database: 'up' });

    paused = pauseCluster(dataDir);
    const started = Date.now();
    const [health, login, ...guarded] = await Promise.all([
      http().get('/api/v1/health'),
      http().post('/api/v1/auth/login').send({ email: 'a@b.mx', password: 'whatever-123' }),
      ...Array.from({ length: 12 }, () => http().get('/api/v1/me').set(auth)),
    ]);
    console.log(`database hung: ${guarded.length + 2} requests answered in ${Date.now() - started} ms (informational)`);
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', database: 'down' });
    for (const res of [login, ...guarded]) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, message: expect.any(String), errors: [] });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(JSON.stringify(res.body)).not.toMatch(/timeout|SELECT|stack/i);
    }

    resumeCluster(paused);
    paused = [];
    await http().get('/api/v1/health').expect(200, { status: 'ok', database: 'up' });
    const me = await http().get('/api/v1/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ id: officer.id });
    await http().post('/api/v1/auth/login').send({ email: 'a@b.mx', password: 'whatever-123' }).expect(401);
  }, 120_000);
});
