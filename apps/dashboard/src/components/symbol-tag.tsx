import type { ReactNode } from 'react';

/**
 * A status written out with a shape before it (✔ ● ▲ ✖ …). The words carry the meaning; the shape lets the tag
 * read without its colour; screen readers skip the shape (aria-hidden) and say only the words.
 */
export function SymbolTag({ className, status, symbol, children }: { className: string; status?: string; symbol: string; children: ReactNode }) {
  return (
    <span className={`tag ${className}`} data-status={status}>
      <span aria-hidden="true">{symbol} </span>
      {children}
    </span>
  );
}
