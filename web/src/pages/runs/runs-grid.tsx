import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../../../src/core/format.js';
import { columnLabel, isNumericColumn, orderByField } from '../../data/columns.js';
import { formatCell } from '../../data/format-cell.js';
import { gridAction, movedTo } from '../../data/grid-keys.js';
import type { ListItem } from '../../data/grouping.js';
import { trialHref } from '../../data/run-link.js';
import { type Cell, cellOf, type RunsTable } from '../../data/runs-table.js';
import type { RunsView } from '../../data/runs-view.js';
import { Link } from '../../link.js';

const ROW_HEIGHT = 28;

export interface RunsGridProps {
  table: RunsTable;
  items: readonly ListItem[];
  columns: readonly string[];
  sort: RunsView['sort'];
  onSort: (column: string) => void;
  selected: ReadonlySet<string>;
  onToggleSelect: (runId: string) => void;
  onOpen: (row: number) => void;
  /** Where a run's name links to (the same place Enter opens). */
  hrefOf: (row: number) => string;
  expanded: ReadonlySet<Cell>;
  onToggleGroup: (value: Cell) => void;
  /** The aggregated metric's label, for group rows. */
  metric: string | null;
}

/**
 * The runs as a virtualised grid: only the rows in view are in the DOM. Keyboard: ↑/↓ or k/j move, Enter
 * opens, x selects (a group row: Enter or x expands it).
 */
export function RunsGrid(props: RunsGridProps) {
  const { table, items, columns } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const template = `32px ${columns.map((c) => (c === 'name' ? 'minmax(180px, 2fr)' : 'minmax(90px, 1fr)')).join(' ')}`;
  useEffect(() => {
    if (active >= items.length && items.length > 0) setActive(items.length - 1);
  }, [active, items.length]);

  const act = (index: number, action: 'open' | 'select') => {
    const item = items[index];
    if (item === undefined) return;
    if (item.kind === 'group') props.onToggleGroup(item.group.value);
    else if (action === 'open') props.onOpen(item.row);
    else props.onToggleSelect(table.runId[item.row]!);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const action = event.target === scroller.current ? gridAction(event.key) : null;
    if (action === null || event.metaKey || event.ctrlKey || event.altKey) return;
    event.preventDefault();
    if (action === 'open' || action === 'select') return act(active, action);
    const next = movedTo(action, active, items.length);
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualised grid of divs; a <table> cannot position its rows
    <div
      ref={scroller}
      className="runs-table"
      data-testid="runs-table"
      role="grid"
      aria-label="Runs"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="runs-header" style={{ gridTemplateColumns: template }}>
        <span />
        {columns.map((column) => (
          <HeaderCell key={column} column={column} sort={props.sort} onSort={props.onSort} />
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index]!;
          const style = { transform: `translateY(${virtual.start}px)`, gridTemplateColumns: template };
          const className = virtual.index === active ? 'active' : '';
          if (item.kind === 'group') {
            const { group } = item;
            return (
              <button
                type="button"
                tabIndex={-1}
                key={`g${virtual.index}`}
                className={`group-row ${className}`}
                style={{ transform: style.transform }}
                onClick={() => props.onToggleGroup(group.value)}
              >
                <span>{props.expanded.has(group.value) ? '▾' : '▸'}</span>
                <span className="group-summary">
                  <strong>{group.value === null ? '(none)' : String(group.value)}</strong> ·{' '}
                  {group.count.toLocaleString('en-US')} runs
                  {props.metric === null || Number.isNaN(group.mean)
                    ? null
                    : ` · ${props.metric} mean ${formatNumber(group.mean)} (min ${formatNumber(group.min)}, max ${formatNumber(group.max)})`}
                </span>
              </button>
            );
          }
          const runId = table.runId[item.row]!;
          const selected = props.selected.has(runId);
          return (
            <div
              key={runId}
              data-testid="run-row"
              data-run-id={runId}
              className={`run-row ${className} ${selected ? 'selected' : ''}`}
              style={style}
            >
              <span>
                <input
                  type="checkbox"
                  data-testid="select-run"
                  aria-label={`Select ${table.name[item.row]}`}
                  tabIndex={-1}
                  checked={selected}
                  onChange={() => props.onToggleSelect(runId)}
                />
              </span>
              {columns.map((column) => {
                if (column === 'name') {
                  return (
                    <Link key={column} href={props.hrefOf(item.row)} tabIndex={-1}>
                      {table.name[item.row]}
                    </Link>
                  );
                }
                const trial = column === 'trial' ? (table.trial[item.row] ?? null) : null;
                const trialPage = trial === null ? null : trialHref(trial);
                if (trialPage !== null) {
                  return (
                    <Link key={column} href={trialPage} tabIndex={-1} title={`Open trial ${trial}`}>
                      {trial}
                    </Link>
                  );
                }
                return <DataCell key={column} column={column} value={cellOf(table, column, item.row)} />;
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: string;
  sort: RunsView['sort'];
  onSort: (c: string) => void;
}) {
  const arrow = sort?.column === column ? (sort.descending ? ' ↓' : ' ↑') : '';
  const label = columnLabel(column);
  const align = isNumericColumn(column) ? 'num' : '';
  if (orderByField(column) === null)
    return (
      <span className={align} title={column}>
        {label}
      </span>
    );
  return (
    <button
      type="button"
      className={`header-button ${align}`}
      title={`Sort by ${column}`}
      onClick={() => onSort(column)}
    >
      {label}
      {arrow}
    </button>
  );
}

function DataCell({ column, value }: { column: string; value: Cell }) {
  const text = formatCell(column, value);
  return (
    <span className={typeof value === 'number' ? 'num' : ''} title={text}>
      {column === 'status' ? <span className={`status status-${text.toLowerCase()}`}>{text}</span> : text}
    </span>
  );
}
