import { formatDate } from '../util/format';

interface Round {
  code: string;
  name: string | null;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

/**
 * The first cells of a reporting round's row, the same in every table of rounds: its code (and name) as the
 * row header, its period (unless the table leaves it out) and its due date.
 */
export function RoundCells({ round: r, withPeriod = true }: { round: Round; withPeriod?: boolean }) {
  return (
    <>
      <th scope="row">
        {r.code}
        {r.name ? <span className="card-sub"> · {r.name}</span> : null}
      </th>
      {withPeriod ? (
        <td data-label="Periodo">
          {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
        </td>
      ) : null}
      <td data-label="Vence">{formatDate(r.dueOn)}</td>
    </>
  );
}
