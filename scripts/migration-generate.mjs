#!/usr/bin/env node
// Generates a migration from the difference between the entities and a database migrated to the last
// frozen migration. Usage: npm run migration:generate -- CreateReportTables
// Uses DATABASE_URL's server when set (a scratch database is created and dropped), else a throw-away
// embedded PostgreSQL. Read the file it writes, add it to libs/database/src/migrations.ts, then freeze it.
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
const { DataSource } = await import('typeorm');
const { dataSourceOptions } = await import('../dist/libs/database/src/data-source-options.js');
const { withScratchDatabase } = await import('../dist/libs/database/src/scratch-database.js');

await withScratchDatabase(async (url) => {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities match the migrations.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (s) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = [...sql.downQueries].reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const file = path.join('libs/database/src/migrations', `${timestamp}-${name}.ts`);
  fs.writeFileSync(file, `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`);
  console.log(`Wrote ${file}. Read it, then add ${className} to libs/database/src/migrations.ts.`);
}, { tmpDir: os.tmpdir() });
