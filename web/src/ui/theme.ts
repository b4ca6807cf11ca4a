import { useSyncExternalStore } from 'react';

/**
 * The theme's colours for canvas drawing (canvas cannot read CSS variables): read from styles.css, and read
 * again when the OS switches between light and dark.
 */
const DARK = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void) {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const isDark = () => window.matchMedia(DARK).matches;

/** A CSS variable of the document's current theme, e.g. `cssColor('--improved')`. */
export function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** True in the dark theme; components that draw on canvas redraw when it changes. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark);
}
