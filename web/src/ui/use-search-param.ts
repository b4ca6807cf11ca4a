import { navigate, useLocation } from '../location.js';
import { withSearch } from '../routes.js';

/**
 * One search parameter of the current URL as view state (shareable, restored by the back button). Setting it
 * keeps the other parameters; undefined or '' removes it. Toggles replace the history entry.
 */
export function useSearchParam(name: string): [string | null, (value: string | undefined) => void] {
  const { pathname, search } = useLocation();
  const set = (value: string | undefined) =>
    navigate(withSearch(pathname, { ...Object.fromEntries(search), [name]: value }), { replace: true });
  return [search.get(name), set];
}
