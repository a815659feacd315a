import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/src/create-app.js';
import { findFreePort, startEmbeddedDatabase, type DatabaseHandle } from '../../libs/database/src/embedded-database.js';
import { AuthService } from '../../libs/core/src/auth/auth.service.js';
import { loadConfig } from '../../libs/platform/src/config/app-config.js';

/** PostgreSQL goes away and comes back: /health says so, requests fail fast with 503, no restart needed. */
describe('database outage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-outage-'));
  let port: number;
  let db: DatabaseHandle;
  let app: NestExpressApplication;

  beforeAll(async () => {
    port = await findFreePort();
    db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pg'), port });
    const config = loadConfig({ RUMBO_DEMO: 'false', RUMBO_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', DATABASE_URL: db.url });
    app = await createApp(config, db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the outage, answers 503 quickly, and recovers when the database returns', async () => {
    const http = () => request(app.getHttpServer());
    // A validly signed token for a user that does not exist: the guard must reach the database to refuse it.
    const token = await app.get(AuthService).issueToken({ id: '00000000-0000-4000-8000-000000000000' });
    await http().get('/api/v1/health').expect(200, { status: 'ok', database: 'up' });

    await db.stop();
    await http().get('/api/v1/health').expect(503, { status: 'error', database: 'down' });
    const login = await http().post('/api/v1/auth/login').send({ email: 'a@b.mx', password: 'whatever-123' });
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ statusCode: 503, errors: [] });
    expect(JSON.stringify(login.body)).not.toMatch(/ECONNREFUSED|SELECT|stack/i);
    const guarded = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(guarded.status).toBe(503);

    db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pg'), port });
    await http().get('/api/v1/health').expect(200, { status: 'ok', database: 'up' });
    const after = await http().post('/api/v1/auth/login').send({ email: 'a@b.mx', password: 'whatever-123' });
    expect(after.status).toBe(401);
    await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
