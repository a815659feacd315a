import type { StateRoundStatus } from '../api/types';
import { SymbolTag } from './symbol-tag';

/**
 * The tag colour of a state's delivery of a reporting round. The words differ with the reader (the state's
 * own table speaks to the state, the national matrix about it), the colours do not.
 */
export const DELIVERY_TONES: Record<StateRoundStatus, string> = {
  submitted: 'tag-ok',
  late: 'tag-warning',
  pending: 'tag-info',
  overdue: 'tag-danger',
  not_expected: 'tag-muted',
};

/** In the national matrix: a symbol and words for each state's delivery, never colour alone. */
const DELIVERY: Record<StateRoundStatus, { symbol: string; label: string }> = {
  submitted: { symbol: '✔', label: 'Entregada a tiempo' },
  late: { symbol: '◐', label: 'Entregada tarde' },
  pending: { symbol: '○', label: 'Pendiente' },
  overdue: { symbol: '✖', label: 'Pendiente, ya vencida' },
  not_expected: { symbol: '–', label: 'No esperada' },
};

export function DeliveryTag({ status }: { status: StateRoundStatus }) {
  return (
    <SymbolTag className={DELIVERY_TONES[status]} symbol={DELIVERY[status].symbol}>
      {DELIVERY[status].label}
    </SymbolTag>
  );
}

export function DeliveryLegend() {
  return (
    <ul className="legend" aria-label="Leyenda de las entregas">
      {(Object.keys(DELIVERY) as StateRoundStatus[]).map((s) => (
        <li key={s}>
          <DeliveryTag status={s} />
        </li>
      ))}
    </ul>
  );
}
