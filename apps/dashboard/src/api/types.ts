// Response shapes of the Rumbo API (SPEC.md §5). Only what the dashboard reads.

export type Role = 'admin' | 'coordinator' | 'state_officer' | 'reviewer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  stateCode: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface StateInfo {
  code: string;
  name: string;
  shortName: string;
  abbreviation: string;
}

export interface ProgramSummary {
  id: string;
  code: string;
  name: string;
  status?: 'draft' | 'active' | 'closed';
  timeZone?: string;
}

export interface Phase {
  number: number;
  name: string;
}

export interface Activity {
  code: string;
  phase: number;
  name: string;
  level: 'state' | 'institution';
  optional: boolean;
  weight: number;
}

export interface ProgramDetail extends ProgramSummary {
  description?: string | null;
  phases: Phase[];
  activities: Activity[];
}

export interface Participation {
  stateCode: string;
  stateName?: string;
  joinedOn: string;
  exitedOn: string | null;
}

export interface PlanItem {
  activityCode: string;
  activityName: string;
  /** Phase number (an object `{ number, name }` is accepted too). */
  phase: number | { number: number; name?: string };
  level: 'state' | 'institution';
  optional: boolean;
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  originalStart: string;
  originalDue: string;
  replanned: boolean;
  version: number;
}

/** `GET /programs/:programId/states/:stateCode/plan`. */
export interface StatePlan {
  programId?: string;
  programCode?: string;
  stateCode: string;
  stateName?: string;
  joinedOn?: string;
  exitedOn?: string | null;
  items: PlanItem[];
}

export interface PlanChange {
  included?: boolean;
  plannedStart?: string;
  plannedDue?: string;
  justification: string;
  version: number;
}

export type GovernmentOrder = 'federal' | 'state' | 'municipal';

export interface Institution {
  id: string;
  name: string;
  acronym: string | null;
  order: GovernmentOrder;
  joinedOn: string;
  exitedOn: string | null;
}

export interface NewInstitution {
  name: string;
  acronym?: string;
  order: GovernmentOrder;
  joinedOn?: string;
}
