import { DefaultNamingStrategy, type NamingStrategyInterface, type Table, type View } from 'typeorm';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
const tableOf = (t: Table | View | string) => (typeof t === 'string' ? t : t.name).split('.').pop()!;
// PostgreSQL truncates identifiers at 63 bytes.
const pgName = (name: string) => name.slice(0, 63);

/**
 * Singular snake_case tables and columns, and constraints named the way PostgreSQL names them
 * (`report_plan_item_id_fkey`), instead of TypeORM's hashes, so migrations and errors stay readable.
 */
export class RumboNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snake(targetName);
  }
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return customName ?? snake([...embeddedPrefixes, propertyName].join('_'));
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
  override primaryKeyName(table: Table | string): string {
    return pgName(`${tableOf(table)}_pkey`);
  }
  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return pgName(`${tableOf(table)}_${columns.join('_')}_key`);
  }
  override relationConstraintName(table: Table | string, columns: string[]): string {
    return pgName(`${tableOf(table)}_${columns.join('_')}_rel`);
  }
  override foreignKeyName(table: Table | string, columns: string[]): string {
    return pgName(`${tableOf(table)}_${columns.join('_')}_fkey`);
  }
  override indexName(table: Table | View | string, columns: string[]): string {
    return pgName(`${tableOf(table)}_${columns.join('_')}_idx`);
  }
  override defaultConstraintName(table: Table | string, column: string): string {
    return pgName(`${tableOf(table)}_${column}_default`);
  }
}
