import type { InstitutionProgress, NationalPhaseProgress, NationalProgress, StateProgress } from './progress-types.js';
import type { InstitutionRow, ParticipationRow, PlanItemRow, ProgramHead } from './progress.repository.js';

// What ProgressService computes, before the response DTOs round and shape it.

/** A program's figures as of one date: every participating state and the national aggregate (unrounded). */
export interface ProgramProgress {
  head: ProgramHead;
  asOf: string;
  /** Every participation of the program, withdrawn ones too, by state code. */
  participations: ParticipationRow[];
  /** States participating at `asOf`, by state code (no `units`). */
  states: StateProgress[];
  national: NationalProgress;
  /** Every phase of the program nationally (`aggregateNationalPhases`), by number. */
  phases: NationalPhaseProgress[];
  /** The program's phase names, by number. */
  phaseNames: Map<number, string>;
}

/** One state's figures with everything its page and its explanation show (unrounded; items carry `units`). */
export interface StateProgressDetail {
  head: ProgramHead;
  asOf: string;
  participation: ParticipationRow;
  /** The state's plan items with names and original dates, by item id. */
  items: Map<string, PlanItemRow>;
  /** Institutions active at `asOf`, in the engine's order. */
  institutions: InstitutionRow[];
  /** Every institution of the state (exited ones too), by id: names for the explanation. */
  institutionNames: Map<string, string>;
  progress: StateProgress;
  institutionProgress: InstitutionProgress[];
}
