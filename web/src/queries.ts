import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { PredictionFilter } from '../../src/sdk/index.js';
import { ratchet } from './api.js';
import type { QualityBucket } from './data/quality-chart.js';
import { listRegisteredModels } from './data/registered-models.js';

/** Notebook entries per request: a page of the table, so 10,000 trials open at once. */
export const NOTEBOOK_PAGE = 200;

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
  /** The lab notebook, newest first, a page at a time (all of it or only what didn't work). */
  notebook: (id: string, didntWork: boolean) =>
    infiniteQueryOptions({
      queryKey: ['project', id, 'notebook', { didntWork }],
      queryFn: ({ pageParam }) =>
        ratchet.projects.notebookPage({ id }, { didntWork, limit: NOTEBOOK_PAGE, offset: pageParam }),
      initialPageParam: 0,
      getNextPageParam: (last, pages) => {
        const loaded = pages.reduce((sum, page) => sum + page.entries.length, 0);
        return loaded < last.total && last.entries.length > 0 ? loaded : undefined;
      },
    }),
  /** Every trial in order with its outcome and seed values, in columns: the progress chart, trial numbers. */
  progress: (id: string) =>
    queryOptions({ queryKey: ['project', id, 'progress'], queryFn: () => ratchet.projects.progress({ id }) }),
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
      queryFn: () => ratchet.trials.detail(ref),
    }),
  /** Registered models (the MLflow registry), for the models page. */
  models: () =>
    queryOptions({ queryKey: ['models'], queryFn: () => listRegisteredModels(window.location.origin) }),
  /** A page of a model's prediction log; `['model', name]` refreshes it with the model's quality. */
  predictions: (model: string, filter: PredictionFilter) =>
    queryOptions({
      queryKey: ['model', model, 'predictions', filter],
      queryFn: () => ratchet.predictions.list(filter),
    }),
  quality: (model: string, bucket: QualityBucket) =>
    queryOptions({
      queryKey: ['model', model, 'quality', bucket],
      queryFn: () => ratchet.predictions.quality(model, { bucket }),
    }),
  /** Every move of the model's aliases, newest first, with the trial or reason behind it. */
  aliasHistory: (model: string) =>
    queryOptions({
      queryKey: ['model', model, 'aliases'],
      queryFn: () => ratchet.models.aliasHistory(model),
    }),
  /** Confusion matrix, most confident wrong predictions and worst slices of one version (null: all). */
  errors: (model: string, version: number | null) =>
    queryOptions({
      queryKey: ['model', model, 'errors', version],
      queryFn: () => ratchet.predictions.errors(model, version === null ? {} : { version }),
    }),
};
