import { isHTTPError, type Ratchet } from '../../sdk/index.js';
import { type ConfigDifferences, configDifferences } from './config-differences.js';
import { type DiffSubject, subjectConfig, subjectLabel } from './diff-subject.js';
import {
  type MetricDelta,
  type MetricDifference,
  type MetricSide,
  metricDifferences,
  runMetricSides,
  trialMetricSides,
} from './metric-difference.js';

/** What differs between two runs or trials, and how their metrics compare. */
export interface SubjectsDiff extends ConfigDifferences {
  a: { kind: DiffSubject['kind']; id: string; label: string };
  b: { kind: DiffSubject['kind']; id: string; label: string };
  metrics: MetricDifference[];
}

/** Two seeds per trial: fewer leave a trial's noise unknown, and the comparison says nothing. */
const MIN_SEEDS_TO_TEST = 2;

export async function diffSubjects(client: Ratchet, a: DiffSubject, b: DiffSubject): Promise<SubjectsDiff> {
  const sideA = metricSides(a);
  const sideB = metricSides(b);
  const tested =
    a.kind === 'trial' && b.kind === 'trial' ? await testedDeltas(client, a, b, sideA, sideB) : undefined;
  return {
    a: identity(a),
    b: identity(b),
    ...configDifferences(subjectConfig(a), subjectConfig(b)),
    metrics: metricDifferences(sideA, sideB, tested),
  };
}

function metricSides(subject: DiffSubject): Map<string, MetricSide> {
  return subject.kind === 'run' ? runMetricSides(subject.run) : trialMetricSides(subject.trial.metrics);
}

function identity(subject: DiffSubject): SubjectsDiff['a'] {
  const id = subject.kind === 'run' ? subject.run.id : subject.trial.id;
  return { kind: subject.kind, id, label: subjectLabel(subject) };
}

/** B against A for each metric both trials have over enough seeds: the comparison's Δ, its CI and p. */
async function testedDeltas(
  client: Ratchet,
  a: Extract<DiffSubject, { kind: 'trial' }>,
  b: Extract<DiffSubject, { kind: 'trial' }>,
  sideA: ReadonlyMap<string, MetricSide>,
  sideB: ReadonlyMap<string, MetricSide>,
): Promise<Map<string, MetricDelta>> {
  const keys = [...sideA.keys()].filter(
    (key) => (sideA.get(key)?.n ?? 0) >= MIN_SEEDS_TO_TEST && (sideB.get(key)?.n ?? 0) >= MIN_SEEDS_TO_TEST,
  );
  const deltas = new Map<string, MetricDelta>();
  for (const metric of keys) {
    try {
      const { verdict } = await client.trials.compare({
        baseline: { trial: a.trial.id },
        candidate: { trial: b.trial.id },
        metric,
      });
      deltas.set(metric, { estimate: verdict.estimate, ci: verdict.ci, p_value: verdict.p_value });
    } catch (error) {
      // A metric the comparison refuses (e.g. trials of projects without a direction) keeps its plain Δ.
      if (!isHTTPError(error) || error.status !== 400) throw error;
    }
  }
  return deltas;
}
