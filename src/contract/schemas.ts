import type { z } from 'zod';
import { currentBaseline, promotion } from './baseline.js';
import { comparison } from './compare.js';
import { evaluationErrors } from './evaluation.js';
import { modelAlert } from './model-alert.js';
import { aliasEvent, modelVersion } from './model-registry.js';
import { predictResult } from './model-serving.js';
import { noiseReport, varianceEstimate } from './noise.js';
import { notebookEntry } from './notebook.js';
import {
  errorAnalysis,
  feedbackOutcome,
  logResult,
  prediction,
  predictionSettings,
  qualityReport,
} from './prediction.js';
import { projectProgress } from './progress.js';
import { project, projectChange, projectKeys } from './project.js';
import { point, run, runInfo } from './run.js';
import { runTable } from './run-table.js';
import { bucketedSeries, seriesBuckets, trialCurves } from './series.js';
import { settings } from './settings.js';
import { projectStatus } from './status.js';
import { evaluation, trial, trialDetail } from './trial.js';
import { noiseFloor, perExample, summary, verdict } from './verdict.js';

/** The API's resources by name: `Wire<'run'>` is a run as it travels, `Data<'run'>` as a client reads it. */
export const schemas = {
  project,
  projectKeys,
  projectChange,
  settings,
  run,
  runInfo,
  point,
  seriesBuckets,
  runTable,
  bucketedSeries,
  trialCurves,
  trial,
  trialDetail,
  notebookEntry,
  evaluation,
  verdict,
  perExample,
  noiseFloor,
  summary,
  promotion,
  currentBaseline,
  projectStatus,
  projectProgress,
  noiseReport,
  varianceEstimate,
  comparison,
  prediction,
  predictionLogResult: logResult,
  feedbackOutcome,
  predictionSettings,
  predictResult,
  qualityReport,
  errorAnalysis,
  modelVersion,
  aliasEvent,
  evaluationErrors,
  modelAlert,
} as const;

export type Schemas = typeof schemas;
export type Wire<K extends keyof Schemas> = z.input<Schemas[K]>;
export type Data<K extends keyof Schemas> = z.output<Schemas[K]>;
