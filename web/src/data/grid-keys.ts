/** What a key does in the runs grid: move the active row, open it, or (de)select it. */
export type GridAction = { move: number } | { to: 'first' | 'last' } | 'open' | 'select';

const ACTIONS: Record<string, GridAction> = {
  ArrowDown: { move: 1 },
  j: { move: 1 },
  ArrowUp: { move: -1 },
  k: { move: -1 },
  PageDown: { move: 20 },
  PageUp: { move: -20 },
  Home: { to: 'first' },
  End: { to: 'last' },
  Enter: 'open',
  x: 'select',
};

export function gridAction(key: string): GridAction | null {
  return Object.hasOwn(ACTIONS, key) ? ACTIONS[key]! : null;
}

/** The row a movement lands on, inside [0, count). */
export function movedTo(
  action: { move: number } | { to: 'first' | 'last' },
  active: number,
  count: number,
): number {
  const target = 'move' in action ? active + action.move : action.to === 'first' ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, target));
}
