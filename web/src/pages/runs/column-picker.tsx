import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { ProjectKeys } from '../../../../src/sdk/index.js';
import { columnId, KEY_KINDS } from '../../data/columns.js';

const ITEM_HEIGHT = 22;

/**
 * Choose columns among thousands of keys: a search box over a virtualised list of the matches (only the
 * items in view are in the DOM); only chosen columns are fetched. Typing stays responsive: the list follows
 * the search at a lower priority, and a longer search narrows the previous matches instead of every key.
 */
export function ColumnPicker({
  keys,
  chosen,
  onToggle,
}: {
  keys: ProjectKeys | undefined;
  chosen: readonly string[];
  onToggle: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  // Column ids a URL can carry (no commas), with their lower-case form for searching: once per key set.
  const all = useMemo(
    () =>
      KEY_KINDS.flatMap((kind) => (keys?.[kind] ?? []).map((key) => columnId(kind, key)))
        .filter((id) => !id.includes(','))
        .map((id) => ({ id, lower: id.toLowerCase() })),
    [keys],
  );
  const last = useRef<{ all: typeof all; needle: string; matches: typeof all } | null>(null);
  const matches = useMemo(() => {
    const needle = deferredSearch.toLowerCase();
    const previous = last.current;
    const from =
      previous !== null && previous.all === all && needle.startsWith(previous.needle)
        ? previous.matches
        : all;
    const found = needle === '' ? all : from.filter((item) => item.lower.includes(needle));
    last.current = { all, needle, matches: found };
    return found;
  }, [all, deferredSearch]);
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  return (
    <div className="column-picker" data-testid="column-picker">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns ({chosen.length})
      </button>
      {open ? (
        <div className="popover">
          <input
            type="search"
            placeholder="Search keys…"
            // biome-ignore lint/a11y/noAutofocus: the popover opens to be searched
            autoFocus
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          />
          <KeyList matches={matches} chosen={chosenSet} onToggle={onToggle} />
          <p className="muted">
            {matches.length === all.length
              ? `${all.length.toLocaleString('en-US')} keys`
              : `${matches.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} keys`}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function KeyList({
  matches,
  chosen,
  onToggle,
}: {
  matches: readonly { id: string }[];
  chosen: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  const scroller = useRef<HTMLUListElement>(null);
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 5,
  });
  return (
    <ul ref={scroller} className="key-list">
      <li aria-hidden="true" className="key-list-sizer" style={{ height: virtualizer.getTotalSize() }} />
      {virtualizer.getVirtualItems().map((virtual) => {
        const { id } = matches[virtual.index]!;
        return (
          <li key={id} style={{ transform: `translateY(${virtual.start}px)`, height: ITEM_HEIGHT }}>
            <label>
              <input type="checkbox" checked={chosen.has(id)} onChange={() => onToggle(id)} /> {id}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
