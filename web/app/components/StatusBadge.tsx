import type { StatusPresentation } from '../../model/status.ts';

/** A status as a word with a symbol, coloured: the colour is never the only signal. */
export function StatusBadge({ status, small = false }: { status: StatusPresentation; small?: boolean }) {
  return (
    <span class={`badge ${status.className}${small ? ' badge-small' : ''}`} title={`${status.word}: ${status.meaning}`}>
      <span aria-hidden="true" class="badge-symbol">
        {status.symbol}
      </span>{' '}
      {status.word}
    </span>
  );
}
