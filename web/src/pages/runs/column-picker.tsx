import { useMemo, useState } from 'react';
import type { ProjectKeys } from '../../../../src/sdk/index.js';
import { columnId, KEY_KINDS } from '../../data/columns.js';

const SHOWN = 200;

/** Choose columns among thousands of keys: a search box, the first matches shown; only chosen ones are fetched. */
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
  const matches = useMemo(() => {
    const needle = search.toLowerCase();
    const all = KEY_KINDS.flatMap((kind) => (keys?.[kind] ?? []).map((key) => columnId(kind, key)));
    return all.filter((id) => !id.includes(',') && id.toLowerCase().includes(needle));
  }, [keys, search]);
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
          <ul>
            {matches.slice(0, SHOWN).map((id) => (
              <li key={id}>
                <label>
                  <input type="checkbox" checked={chosen.includes(id)} onChange={() => onToggle(id)} /> {id}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted">
            {matches.length > SHOWN
              ? `${SHOWN} of ${matches.length.toLocaleString('en-US')} keys: search to narrow`
              : `${matches.length} keys`}
          </p>
        </div>
      ) : null}
    </div>
  );
}
