import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());
  it('works', async () => {
    const { program } = await t.programs.program([{ code: '4.3', optional: true, startDay: 10 }]);
    const { auth } = await t.as('coordinator');
    let res = await t.http().post(`/api/v1/programs/${program.code}/states`).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' });
    console.log(res.status, res.body);
    res = await t.http().get(`/api/v1/programs/${program.code}/states/20/plan`).set(auth);
    console.log(res.status, JSON.stringify(res.body));
    res = await t.http().patch(`/api/v1/programs/${program.code}/states/20/plan/4.3`).set(auth).send({ included: false, justification: 'x', version: 1 });
    console.log(res.status, res.body, res.headers.etag);
    res = await t.http().get(`/api/v1/programs/${program.id}/states`).set(auth);
    console.log(res.status, res.body);
  });
});
