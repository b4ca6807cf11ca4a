import { useEffect, useState } from 'react';
import { checkFilter, type FilterProblem } from '../../data/filter-check.js';

/**
 * The filter box: the query language, checked while typing with the server's parser (errors inline at their
 * position), applied on Enter (a history entry, so Back returns to the previous filter); `serverProblem` is
 * the server's verdict on the applied filter.
 */
export function RunsFilter({
  filter,
  onCommit,
  serverProblem,
}: {
  filter: string;
  onCommit: (filter: string) => void;
  serverProblem: FilterProblem | null;
}) {
  const [text, setText] = useState(filter);
  useEffect(() => setText(filter), [filter]);
  const localProblem = checkFilter(text);
  const problem = localProblem ?? (text === filter ? serverProblem : null);
  return (
    <div className="runs-filter">
      <input
        data-testid="runs-filter"
        type="search"
        spellCheck={false}
        placeholder="Filter, then Enter: metrics.acc > 0.9 AND params.lr = '0.01'"
        aria-invalid={problem !== null}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && localProblem === null) onCommit(text);
        }}
      />
      {problem === null ? null : (
        <div className="filter-error" data-testid="runs-filter-error" role="alert">
          {problem.position === null ? null : (
            <pre aria-hidden="true">
              {text}
              {'\n'}
              {' '.repeat(problem.position)}^
            </pre>
          )}
          <span>{problem.message}</span>
        </div>
      )}
    </div>
  );
}
