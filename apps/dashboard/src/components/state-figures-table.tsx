import type { ReactNode } from 'react';
import type { StateFigures } from '../api/types';
import { formatPercent, formatPoints } from '../util/format';
import { ProgressCell, StatusTag } from './progress-bits';
import { ScrollTable } from './scroll-table';

/** The columns a table of states may show, after the state's name. */
export type StateColumn = 'progress' | 'expected' | 'variance' | 'status' | 'validated' | 'completed' | 'overdue' | 'onTime' | 'institutions';

/**
 * Each column: its header (also each cell's `data-label`, which a row stacked on a phone shows before the
 * value), the `data-col` that marks the cells other code looks up, and the cell's content.
 */
const COLUMNS: Record<StateColumn, { header: string; col?: string; cell: (s: StateFigures) => ReactNode }> = {
  progress: { header: 'Avance', col: 'progress', cell: (s) => <ProgressCell progress={s.progress} expected={s.expected} status={s.status} /> },
  expected: { header: 'Esperado', col: 'expected', cell: (s) => formatPercent(s.expected) },
  variance: { header: 'Desviación', cell: (s) => formatPoints(s.variance) },
  status: { header: 'Semáforo', col: 'status', cell: (s) => <StatusTag status={s.status} /> },
  validated: { header: 'Validado', col: 'validated', cell: (s) => formatPercent(s.validatedProgress) },
  completed: {
    header: 'Concluidas',
    cell: (s) => (
      <>
        {s.completedItems} de {s.includedItems}
      </>
    ),
  },
  overdue: { header: 'Vencidas', cell: (s) => s.overdueItems },
  onTime: { header: 'En plazo', cell: (s) => formatPercent(s.onTimeRate) },
  institutions: { header: 'Instituciones', cell: (s) => s.institutions },
};

interface Props {
  /** In the order to show. */
  states: StateFigures[];
  columns: StateColumn[];
  /** The row header (default: the state's name as the API gave it). */
  rowHeader?: (s: StateFigures) => ReactNode;
  labelledBy: string;
  testId: string;
}

/** The API's figures of each state, one row per state, in the columns asked for (live or frozen figures alike). */
export function StateFiguresTable({ states, columns, rowHeader = (s) => s.stateName, labelledBy, testId }: Props) {
  return (
    <ScrollTable labelledBy={labelledBy} testId={testId} columns={['Entidad', ...columns.map((c) => COLUMNS[c].header)]}>
      {states.map((s) => (
        <tr key={s.stateCode} data-state-code={s.stateCode}>
          <th scope="row">{rowHeader(s)}</th>
          {columns.map((c) => (
            <td key={c} data-label={COLUMNS[c].header} data-col={COLUMNS[c].col}>
              {COLUMNS[c].cell(s)}
            </td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}
