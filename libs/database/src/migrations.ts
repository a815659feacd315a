import { CreatePlatformTables1795705225983 } from './migrations/1795705225983-CreatePlatformTables.js';
import { CreateReportTables1795706025258 } from './migrations/1795706025258-CreateReportTables.js';

/** Every migration, in order. Generated with `npm run migration:generate -- Name`, read, then frozen. */
export const MIGRATIONS = [CreatePlatformTables1795705225983, CreateReportTables1795706025258];
