import type { Wire } from '../../contract/index.js';
import { invalidParameter, notFound } from '../../core/errors.js';
import {
  EVALUATION_ARTIFACT,
  type EvaluationRow,
  MAX_EVALUATION_BYTES,
  MAX_EVALUATION_ROWS,
  parseEvaluationJsonl,
} from '../../core/evaluation.js';
import type { Run } from '../../core/run.js';
import type { EvaluatedRun, EvaluationErrors } from '../../serving/predictions/error-analysis-evaluation.js';
import type { ArtifactService } from '../../tracking/artifacts.js';
import { errorBreakdownJson } from './prediction-wire.js';

const HOW_TO_LOG =
  `log them with run.logEvaluation(rows) in the TypeScript SDK, or write ${EVALUATION_ARTIFACT} ` +
  '(one JSON object {id, input?, output, label, score?} per line) among its artifacts';

/** The evaluation a run logged, or undefined when it logged none; a file too big to analyse is refused. */
export async function readEvaluation(
  artifacts: ArtifactService,
  run: Run,
): Promise<EvaluationRow[] | undefined> {
  const file = await artifacts.getUnder(run.info.artifactUri, EVALUATION_ARTIFACT);
  if (file === undefined) return undefined;
  if (file.size > MAX_EVALUATION_BYTES) {
    await file.stream.cancel();
    throw invalidParameter(
      `Run ${run.info.id}'s ${EVALUATION_ARTIFACT} has ${file.size} bytes; error analysis reads at most ${MAX_EVALUATION_BYTES}.`,
    );
  }
  return parseEvaluationJsonl(await new Response(file.stream).text());
}

/**
 * The evaluations a trial's runs logged, read one file at a time and refused as soon as their rows together
 * pass the limit, so a trial of many seeds never holds more than one analysis' worth in memory.
 */
export async function readTrialEvaluations(artifacts: ArtifactService, runs: readonly Run[]) {
  const evaluations: { run: EvaluatedRun; rows: EvaluationRow[] }[] = [];
  let total = 0;
  for (const run of runs) {
    const rows = await readEvaluation(artifacts, run);
    if (rows === undefined) continue;
    total += rows.length;
    if (total > MAX_EVALUATION_ROWS) {
      throw invalidParameter(
        `The trial's evaluations have over ${MAX_EVALUATION_ROWS} rows together; error analysis reads at most ${MAX_EVALUATION_ROWS}.`,
      );
    }
    evaluations.push({ run: { id: run.info.id, seed: run.info.seed }, rows });
  }
  return evaluations;
}

export function noEvaluation(what: string) {
  return notFound(`${what} logged no evaluation predictions: ${HOW_TO_LOG}.`);
}

export function evaluationErrorsJson(e: EvaluationErrors): Wire<'evaluationErrors'> {
  return {
    runs: e.runs,
    ...errorBreakdownJson(e),
    confident_wrong: e.confidentWrong.map((example) => ({
      id: example.id,
      input: example.input,
      output: example.output,
      label: example.label,
      score: example.score,
      run_id: example.runId,
      seed: example.seed,
    })),
  };
}
