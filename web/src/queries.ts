import { queryOptions } from '@tanstack/react-query';
import { ratchet } from './api.js';

/**
 * What the pages read, keyed so that one invalidation refreshes a whole project (`['project', id]`) or trial
 * (`['trial', ref]`). Queries by project id, once the name is resolved, so each costs one request.
 */
export const queries = {
  projects: () => queryOptions({ queryKey: ['projects'], queryFn: () => ratchet.projects.list() }),
  projectByName: (name: string) =>
    queryOptions({ queryKey: ['project-by-name', name], queryFn: () => ratchet.projects.get(name) }),
  status: (id: string) =>
    queryOptions({ queryKey: ['project', id, 'status'], queryFn: () => ratchet.projects.status({ id }) }),
  notebook: (id: string) =>
    queryOptions({ queryKey: ['project', id, 'notebook'], queryFn: () => ratchet.projects.notebook({ id }) }),
  promotions: (id: string) =>
    queryOptions({
      queryKey: ['project', id, 'promotions'],
      queryFn: () => ratchet.projects.baselineHistory({ id }),
    }),
  noise: (id: string) =>
    queryOptions({ queryKey: ['project', id, 'noise'], queryFn: () => ratchet.projects.noise({ id }) }),
  /** The param, metric and tag keys of the project's runs (the column picker and group-by choose among them). */
  keys: (id: string) =>
    queryOptions({ queryKey: ['project', id, 'keys'], queryFn: () => ratchet.projects.keys({ id }) }),
  /** A trial (id or `<project>#<number>`) with its runs, summaries and verdict. */
  trial: (ref: string) =>
    queryOptions({
      queryKey: ['trial', ref],
      queryFn: async () => (await ratchet.trials.get(ref)).get(),
    }),
};
