import * as fs from 'node:fs';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/**
 * docs/openapi.json is the committed contract: the dashboard's API types are generated from it in the
 * build (`npm run build:dashboard`), so it must be the document the app serves. `npm run api:contract`
 * rewrites it after a deliberate change to the API.
 */
const FILE = 'docs/openapi.json';

describe('committed OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is the document the app serves', async () => {
    const live = `${JSON.stringify((await t.http().get('/api/docs-json').expect(200)).body, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') fs.writeFileSync(FILE, live);
    const committed = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    expect(committed === live, `${FILE} is out of date: run \`npm run api:contract\` and commit the result`).toBe(true);
  });
});
