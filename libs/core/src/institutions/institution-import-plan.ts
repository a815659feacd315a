import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../../platform/src/http/field-errors.js';
import { GOVERNMENT_ORDER_ES } from '../../../platform/src/i18n/labels-es.js';
import { isValidDate } from '../../../platform/src/util/dates.js';
import { mapColumns, type ImportRowError } from '../imports/column-map.js';
import { headerKey, type TabularFile } from '../imports/tabular-file.js';
import { CreateInstitutionDto } from './dto/create-institution.dto.js';
import { INSTITUTION_COLUMNS } from './institution-tables.js';
import { institutionNameKey, tidyInstitutionName } from './institution-name.js';
import { GOVERNMENT_ORDERS, type GovernmentOrder, type Institution } from './institution.entity.js';

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface PlannedInstitution {
  line: number;
  action: ImportAction;
  /** The registered institution it matched (by id, else by name); null for a new one. */
  institutionId: string | null;
  name: string;
  acronym: string | null;
  order: GovernmentOrder;
  joinedOn: string;
  exitedOn: string | null;
  /** The fields an update changes. */
  changes: ('name' | 'acronym' | 'exitedOn')[];
}

export interface InstitutionImportPlan {
  rows: PlannedInstitution[];
  errors: ImportRowError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER_BY_WORD = new Map<string, GovernmentOrder>(GOVERNMENT_ORDERS.flatMap((o) => [[o, o], [headerKey(GOVERNMENT_ORDER_ES[o]), o]] as [string, GovernmentOrder][]));

/**
 * What importing the file would do to the state's institutions, row by row, with every error (line, column,
 * message) — pure, so the dry run and the confirmed import decide alike. A row matches a registered
 * institution by `id`, else by name (ignoring case and accents); it then may rename it, change its acronym or
 * record its exit. Order of government and date of joining never change on a registered institution.
 */
export function planInstitutionImport(file: TabularFile, existing: readonly Institution[], ctx: { today: string; stateJoinedOn: string }): InstitutionImportPlan {
  const { rows, headers, errors } = mapColumns(file, INSTITUTION_COLUMNS, ['name', 'order']);
  if (errors.length) return { rows: [], errors };
  const col = (key: string) => headers[key] ?? key;
  const byId = new Map(existing.map((i) => [i.id, i]));
  const byName = new Map(existing.map((i) => [i.nameKey, i]));
  const planned: PlannedInstitution[] = [];
  const matched = new Map<string, number>(); // institution id → line that matched it

  for (const { line, values: v } of rows) {
    const rowErrors: ImportRowError[] = [];
    const err = (key: string | null, message: string) => rowErrors.push({ line, column: key ? col(key) : null, field: key, message });
    const name = tidyInstitutionName(v.name ?? '');
    const acronym = v.acronym ? v.acronym : null;
    const order = ORDER_BY_WORD.get(headerKey(v.order ?? ''));
    // The row's fields follow the registration form's rules (one home): the same DTO, the same messages.
    const fields = plainToInstance(CreateInstitutionDto, { name: v.name ?? '', acronym: acronym ?? undefined, order: order ?? v.order ?? '', joinedOn: v.joinedOn || undefined });
    for (const e of flattenValidationErrors(validateSync(fields))) err(e.field, e.message);
    if (v.exitedOn && !isValidDate(v.exitedOn)) err('exitedOn', 'exitedOn must be a calendar date YYYY-MM-DD');
    const id = v.id || null;
    if (id && !UUID.test(id)) err('id', 'id must be a UUID');

    const match = id && UUID.test(id) ? byId.get(id) : name ? byName.get(institutionNameKey(name)) : undefined;
    if (id && UUID.test(id) && !match) err('id', `institution ${id} is not registered in this state`);
    if (match) {
      const seen = matched.get(match.id);
      if (seen !== undefined) err(null, `this row and line ${seen} are the same institution`);
      else matched.set(match.id, line);
    }
    if (rowErrors.length || !order) {
      errors.push(...rowErrors);
      continue;
    }
    const exitedOn = v.exitedOn === undefined ? (match?.exitedOn ?? null) : v.exitedOn || null;
    if (match) {
      if (order !== match.orderOfGovernment) err('order', `the order of government of a registered institution cannot change (it is ${match.orderOfGovernment})`);
      if (v.joinedOn && v.joinedOn !== match.joinedOn) err('joinedOn', `the date a registered institution joined cannot change (it is ${match.joinedOn})`);
      if (exitedOn !== null && exitedOn < match.joinedOn) err('exitedOn', `exitedOn (${exitedOn}) must not be before the institution joined (${match.joinedOn})`);
      const changes = (
        [
          ['name', name !== match.name],
          ['acronym', v.acronym !== undefined && acronym !== match.acronym],
          ['exitedOn', exitedOn !== match.exitedOn],
        ] as const
      ).flatMap(([k, changed]) => (changed ? [k] : []));
      const keepAcronym = v.acronym === undefined ? match.acronym : acronym;
      planned.push({ line, action: changes.length ? 'update' : 'unchanged', institutionId: match.id, name, acronym: keepAcronym, order, joinedOn: match.joinedOn, exitedOn, changes });
    } else {
      const joinedOn = v.joinedOn || ctx.today;
      if (joinedOn < ctx.stateJoinedOn) err('joinedOn', `joinedOn (${joinedOn}) must not be before the state joined the program (${ctx.stateJoinedOn})`);
      if (exitedOn !== null && exitedOn < joinedOn) err('exitedOn', `exitedOn (${exitedOn}) must not be before the institution joined (${joinedOn})`);
      planned.push({ line, action: 'create', institutionId: null, name, acronym, order, joinedOn, exitedOn, changes: [] });
    }
    errors.push(...rowErrors);
  }
  errors.push(...nameCollisions(planned, existing));
  return { rows: errors.length ? [] : planned, errors };
}

/** After every rename and creation, no two institutions of the state may share a name. */
function nameCollisions(planned: readonly PlannedInstitution[], existing: readonly Institution[]): ImportRowError[] {
  const finalName = new Map(existing.map((i) => [i.id, i.nameKey]));
  const holder = new Map<string, { line: number | null; name: string }>();
  const touched = new Set(planned.flatMap((p) => (p.institutionId ? [p.institutionId] : [])));
  for (const i of existing) if (!touched.has(i.id)) holder.set(finalName.get(i.id)!, { line: null, name: i.name });
  const errors: ImportRowError[] = [];
  for (const p of planned) {
    const key = institutionNameKey(p.name);
    const other = holder.get(key);
    if (other) errors.push({ line: p.line, column: null, field: null, message: other.line === null ? `an institution with this name is already registered in this state: "${other.name}"` : `this row and line ${other.line} have the same name` });
    else holder.set(key, { line: p.line, name: p.name });
  }
  return errors;
}
