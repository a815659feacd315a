import type { FieldError } from '../../../platform/src/http/field-errors.js';

export const PIPELINE_STAGES = ['candidate', 'interested', 'convened', 'joined', 'declined'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Where each stage may go next. `joined` and `declined` are final. */
export const NEXT_STAGES: Readonly<Record<PipelineStage, readonly PipelineStage[]>> = {
  candidate: ['interested', 'declined'],
  interested: ['convened', 'declined'],
  convened: ['joined', 'declined'],
  joined: [],
  declined: [],
};

export interface TransitionInput {
  to: PipelineStage;
  on: string;
  fileId?: string;
  reason?: string;
  joinedOn?: string;
}

/**
 * The rules of one step, as field errors (empty when the step is allowed): the stage must follow, the date
 * not go back before the last step, interested needs its document, declined its reason, joined its join date.
 */
export function transitionErrors(from: PipelineStage, lastOn: string | null, t: TransitionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!NEXT_STAGES[from].includes(t.to)) {
    const allowed = NEXT_STAGES[from];
    const message = allowed.length ? `a ${from} state can only move to: ${allowed.join(', ')}` : `a ${from} state cannot move any further`;
    errors.push({ field: 'to', message });
  }
  if (lastOn !== null && t.on < lastOn) errors.push({ field: 'on', message: `on must not be before the previous step on ${lastOn}` });
  if (t.to === 'interested' && !t.fileId) errors.push({ field: 'fileId', message: 'the manifiesto de interés needs its document: upload it and send fileId' });
  if (t.to === 'declined' && !t.reason?.trim()) errors.push({ field: 'reason', message: 'a declined state needs a reason' });
  if (t.to === 'joined' && !t.joinedOn) errors.push({ field: 'joinedOn', message: 'joining needs joinedOn, the participation’s join date' });
  if (t.to !== 'interested' && t.fileId) errors.push({ field: 'fileId', message: 'fileId is only for the manifiesto de interés (to: interested)' });
  if (t.to !== 'joined' && t.joinedOn) errors.push({ field: 'joinedOn', message: 'joinedOn is only for joining (to: joined)' });
  return errors;
}
