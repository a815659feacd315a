import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dataSourceOptions } from '../../libs/database/src/data-source-options.js';
import { createTestDatabase } from '../../libs/testing/src/test-server.js';

describe('migrations', () => {
  it('match the entities exactly (no drift)', async () => {
    const db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
