import { useEffect, useRef } from 'react';
import { nextRow } from '../data/notebook.js';

/**
 * j/k (and ↓/↑ once a row has focus) move the focus through a table's row links (`a.row-link`); Enter
 * follows the focused one. Keys typed into a field are left alone.
 */
export function useRowKeys() {
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey || target?.closest('input, textarea, select'))
        return;
      const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? [])];
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (current < 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return;
      const next = nextRow(event.key, current, links.length);
      if (next === null) return;
      event.preventDefault();
      links[next]?.focus();
      links[next]?.closest('tr')?.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return table;
}
