/**
 * The API edge: the same shapes as the engine returns, with every percentage (and weighted sum of
 * percentages) rounded to one decimal. Never feed a rounded result back into a computation.
 * Weights, counts and dates are left as they are.
 */
import { round1 } from './progress-math.js';
import type {
  ItemProgress,
  NationalProgress,
  PhaseProgress,
  StateProgress,
  StateProgressSummary,
  UnitProgress,
  WeightedSums,
} from './progress-types.js';

/**
 * The four percentages every figure carries; null where there is nothing to measure (no state participating).
 * Live figures also carry the two baseline ones (frozen copies made before them do not).
 */
interface Figures {
  progress: number | null;
  validatedProgress: number | null;
  expected: number | null;
  variance: number | null;
  expectedBaseline?: number | null;
  varianceBaseline?: number | null;
}

/** Rounds the percentages of any figure (state, phase, item, national, frozen copies of them). */
export function roundFigures<T extends Figures>(f: T): T {
  return {
    ...f,
    progress: round1(f.progress),
    validatedProgress: round1(f.validatedProgress),
    expected: round1(f.expected),
    variance: round1(f.variance),
    ...(f.expectedBaseline !== undefined ? { expectedBaseline: round1(f.expectedBaseline) } : {}),
    ...(f.varianceBaseline !== undefined ? { varianceBaseline: round1(f.varianceBaseline) } : {}),
  };
}

function roundSums(s: WeightedSums): WeightedSums {
  return {
    ...s,
    sumWeightedProgress: round1(s.sumWeightedProgress),
    sumWeightedValidatedProgress: round1(s.sumWeightedValidatedProgress),
    sumWeightedExpected: round1(s.sumWeightedExpected),
    sumWeightedExpectedBaseline: round1(s.sumWeightedExpectedBaseline),
  };
}

function roundUnit(u: UnitProgress): UnitProgress {
  return { ...u, progress: round1(u.progress), validatedProgress: round1(u.validatedProgress) };
}

function roundItem(item: ItemProgress): ItemProgress {
  const rounded = roundFigures(item);
  return item.units ? { ...rounded, units: item.units.map(roundUnit) } : rounded;
}

function roundPhase(phase: PhaseProgress): PhaseProgress {
  return { ...roundFigures(phase), arithmetic: roundSums(phase.arithmetic) };
}

export function roundStateProgress(state: StateProgress): StateProgress {
  return {
    ...roundFigures(state),
    onTimeRate: round1(state.onTimeRate),
    arithmetic: roundSums(state.arithmetic),
    phases: state.phases.map(roundPhase),
    items: state.items.map(roundItem),
  };
}

export function roundStateSummary(state: StateProgressSummary): StateProgressSummary {
  return { ...roundFigures(state), onTimeRate: round1(state.onTimeRate) };
}

export function roundNationalProgress(result: NationalProgress): NationalProgress {
  const n = result.national;
  return {
    ...result,
    national: roundFigures(n),
    states: result.states.map(roundStateSummary),
    arithmetic: {
      ...result.arithmetic,
      sumProgress: round1(result.arithmetic.sumProgress),
      sumValidatedProgress: round1(result.arithmetic.sumValidatedProgress),
      sumExpected: round1(result.arithmetic.sumExpected),
      sumExpectedBaseline: round1(result.arithmetic.sumExpectedBaseline),
    },
  };
}
