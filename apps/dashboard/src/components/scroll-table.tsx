import type { ReactNode } from 'react';

/** The actions column's header: screen readers get its name, sighted users see only the buttons below it. */
export const ACTIONS_COLUMN = <span className="visually-hidden">Acciones</span>;

export interface DataTableProps {
  /** `data-table` plus its variants (`compact`, `stack-on-phone`, …). */
  className?: string;
  testId?: string;
  /** Read by screen readers only: what the table holds, when no heading says it. */
  caption?: string;
  /** Column headers in order; `null`/`false` leaves a column out (e.g. actions for someone who cannot act). */
  columns: ReactNode[];
  /** The body rows. */
  children: ReactNode;
}

/** A table whose header row is its column headers, each `scope="col"` so every cell is announced with it. */
export function DataTable({ className = 'data-table stack-on-phone', testId, caption, columns, children }: DataTableProps) {
  return (
    <table className={className} data-testid={testId}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) =>
            c === null || c === undefined || c === false ? null : (
              <th scope="col" key={i}>
                {c}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

interface ScrollTableProps extends DataTableProps {
  /** The id of the heading that names the table (else `label`). */
  labelledBy?: string;
  label?: string;
  /** Extra class of the scrolling box (e.g. `matrix-scroll`). */
  scrollClassName?: string;
}

/**
 * A table that may be wider than a phone, in a box that scrolls sideways. The box is a named region and
 * focusable (tabIndex 0) because a scrolling area must be reachable, and scrollable, from the keyboard.
 */
export function ScrollTable({ labelledBy, label, scrollClassName, ...table }: ScrollTableProps) {
  return (
    <div className={scrollClassName ? `table-scroll ${scrollClassName}` : 'table-scroll'} role="region" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      <DataTable {...table} />
    </div>
  );
}
