import { AuditEvent } from '../../core/src/audit/audit-event.entity.js';
import { StoredFile } from '../../core/src/files/stored-file.entity.js';
import { Institution } from '../../core/src/institutions/institution.entity.js';
import { Participation } from '../../core/src/plans/participation.entity.js';
import { PlanItem } from '../../core/src/plans/plan-item.entity.js';
import { Activity } from '../../core/src/programs/activity.entity.js';
import { IndicatorTarget } from '../../core/src/programs/indicator-target.entity.js';
import { Indicator } from '../../core/src/programs/indicator.entity.js';
import { Phase } from '../../core/src/programs/phase.entity.js';
import { Program } from '../../core/src/programs/program.entity.js';
import { Evidence } from '../../core/src/reports/evidence.entity.js';
import { Report } from '../../core/src/reports/report.entity.js';
import { StateAuthority } from '../../core/src/states/state-authority.entity.js';
import { State } from '../../core/src/states/state.entity.js';
import { User } from '../../core/src/users/user.entity.js';

/** Every entity, listed explicitly (no globs: the build and the tests see the same list). */
export const ENTITIES = [
  State,
  StateAuthority,
  User,
  Program,
  Phase,
  Activity,
  Indicator,
  IndicatorTarget,
  Participation,
  PlanItem,
  Institution,
  StoredFile,
  Report,
  Evidence,
  AuditEvent,
];
