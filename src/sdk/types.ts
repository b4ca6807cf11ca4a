import type { Data } from '../contract/index.js';

/** The API's resources as the SDK returns them: snake_case as on the wire, NaN/±Infinity as numbers. */
export type Project = Data<'project'>;
export type ProjectKeys = Data<'projectKeys'>;
export type ProjectChange = Data<'projectChange'>;
export type Settings = Data<'settings'>;
export type Run = Data<'run'>;
export type RunInfo = Data<'runInfo'>;
export type Point = Data<'point'>;
export type SeriesBuckets = Data<'seriesBuckets'>;
export type BucketedSeries = Data<'bucketedSeries'>;
export type TrialCurves = Data<'trialCurves'>;
export type RunTable = Data<'runTable'>;
export type Trial = Data<'trial'>;
export type TrialDetail = Data<'trialDetail'>;
export type NotebookEntry = Data<'notebookEntry'>;
export type Evaluation = Data<'evaluation'>;
export type Verdict = Data<'verdict'>;
export type PerExample = Data<'perExample'>;
export type NoiseFloor = Data<'noiseFloor'>;
export type Summary = Data<'summary'>;
export type Promotion = Data<'promotion'>;
export type CurrentBaseline = Data<'currentBaseline'>;
export type ProjectStatus = Data<'projectStatus'>;
export type NoiseReport = Data<'noiseReport'>;
export type ProjectProgress = Data<'projectProgress'>;
export type Comparison = Data<'comparison'>;
export type Prediction = Data<'prediction'>;
export type PredictionLogResult = Data<'predictionLogResult'>;
export type FeedbackOutcome = Data<'feedbackOutcome'>;
export type PredictionSettings = Data<'predictionSettings'>;
export type PredictResult = Data<'predictResult'>;
export type QualityReport = Data<'qualityReport'>;
export type ModelVersion = Data<'modelVersion'>;
export type AliasEvent = Data<'aliasEvent'>;
export type ErrorAnalysis = Data<'errorAnalysis'>;
export type EvaluationErrors = Data<'evaluationErrors'>;
export type ModelAlert = Data<'modelAlert'>;
export type TrialOutcome = Trial['outcome'];
/** A trial's verdict, or `baseline` for a baseline promoted without one (it had nothing to beat). */
export type NotebookOutcome = NotebookEntry['notebook_outcome'];
export type Direction = 'maximize' | 'minimize';

/** Params may be given as numbers or booleans; they are logged as strings, as MLflow does. */
export type ParamValues = Record<string, string | number | boolean>;

export function paramStrings(params: ParamValues | undefined): Record<string, string> | undefined {
  return params && Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
}
