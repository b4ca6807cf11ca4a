import type { Wire } from '../../contract/index.js';
import { invalidParameter, notFound } from '../../core/errors.js';
import {
  EVALUATION_ARTIFACT,
  type EvaluationRow,
  MAX_EVALUATION_BYTES,
  parseEvaluationJsonl,
} from '../../core/evaluation.js';
import type { Run } from '../../core/run.js';
import type { EvaluationErrors } from '../../serving/predictions/error-analysis-evaluation.js';
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
