import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../data/errors.js';

/** A query's loading and error states, or its data handed to `children`. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p className="muted">Loading {what}…</p>;
  if (query.isError) return <ErrorText error={query.error} />;
  return children(query.data);
}

export function ErrorText({ error }: { error: unknown }) {
  return (
    <p className="error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
