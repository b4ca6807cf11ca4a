import type { Change, ChangeKind, TrialConfig } from './trial.js';

/**
 * Run tags that say what else defines a configuration. The runner fills them (and a user or an MLflow client
 * may set them by hand); together with a run's params they make the run's configuration.
 */
export const CONFIG_TAGS = {
  codeVersion: 'ratchet.code_version',
  /** MLflow's own tag, used when ratchet.code_version is absent. */
  gitCommit: 'mlflow.source.git.commit',
  /** Comma-separated feature names. */
  features: 'ratchet.features',
  /** `ratchet.data.<name>` = fingerprint of that data set. */
  dataPrefix: 'ratchet.data.',
  /** `ratchet.env.<name>` = value (e.g. ratchet.env.node = 20.11.1). */
  environmentPrefix: 'ratchet.env.',
} as const;

/** Params that vary by seed by design: never part of a configuration. */
const SEED_PARAM = /(^|[_.-])(seed|random_state)$/i;

const KIND_ORDER: readonly ChangeKind[] = ['param', 'feature', 'code', 'data', 'environment'];
const CODE_KEY = 'version';

/** The configuration a run recorded: its params, plus the reserved tags. */
export function runConfig(run: {
  params: Record<string, string>;
  tags: Record<string, string>;
}): TrialConfig {
  const { tags } = run;
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(tags)
        .filter(([key]) => key.startsWith(prefix) && key.length > prefix.length)
        .map(([key, value]) => [key.slice(prefix.length), value]),
    );
  return {
    params: Object.fromEntries(Object.entries(run.params).filter(([key]) => !SEED_PARAM.test(key))),
    features: splitFeatures(tags[CONFIG_TAGS.features]),
    codeVersion: tags[CONFIG_TAGS.codeVersion] ?? tags[CONFIG_TAGS.gitCommit] ?? null,
    data: prefixed(CONFIG_TAGS.dataPrefix),
    environment: prefixed(CONFIG_TAGS.environmentPrefix),
  };
}

/**
 * A trial's configuration: what it declared, plus what all of its runs recorded alike. Entries on which the
 * runs disagree are left out and named in `varying` (runs of a trial should differ only by seed).
 */
export function trialConfig(
  declared: TrialConfig,
  runs: readonly TrialConfig[],
): {
  config: TrialConfig;
  varying: string[];
} {
  const merged = entries(declared);
  const seen = new Map<string, string>();
  const varying = new Set<string>();
  for (const run of runs) {
    for (const [key, value] of entries(run)) {
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== value) varying.add(key);
      seen.set(key, value);
    }
  }
  for (const [key, value] of seen) if (!varying.has(key)) merged.set(key, value);
  for (const key of varying) merged.delete(key);
  return { config: fromEntries(merged), varying: [...varying].sort().map(describeKey) };
}

/** The change-set: every entry that differs between the parent's configuration and the child's. */
export function diffConfigs(parent: TrialConfig, child: TrialConfig): Change[] {
  const before = entries(parent);
  const after = entries(child);
  const changes: Change[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(key) ?? null;
    const to = after.get(key) ?? null;
    if (from !== to) changes.push({ ...splitKey(key), from, to });
  }
  return changes.sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.key < b.key ? -1 : 1),
  );
}

/** "lr: 0.1 → 0.01", "feature bigrams: added", … */
export function describeChange(change: Change): string {
  const name = change.kind === 'param' ? change.key : `${change.kind} ${change.key}`;
  if (change.kind === 'feature') return `${name}: ${change.to === null ? 'removed' : 'added'}`;
  if (change.from === null) return `${name}: ${change.to} (new)`;
  if (change.to === null) return `${name}: removed (was ${change.from})`;
  return `${name}: ${change.from} → ${change.to}`;
}

export function splitFeatures(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    ),
  ].sort();
}

/** A configuration as flat `kind/key` → value entries, so that diffing and merging are one map operation. */
function entries(config: TrialConfig): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(config.params)) out.set(`param/${key}`, value);
  for (const feature of config.features) out.set(`feature/${feature}`, 'on');
  if (config.codeVersion !== null) out.set(`code/${CODE_KEY}`, config.codeVersion);
  for (const [key, value] of Object.entries(config.data)) out.set(`data/${key}`, value);
  for (const [key, value] of Object.entries(config.environment)) out.set(`environment/${key}`, value);
  return out;
}

function fromEntries(map: Map<string, string>): TrialConfig {
  const config: TrialConfig = { params: {}, features: [], codeVersion: null, data: {}, environment: {} };
  for (const [flat, value] of map) {
    const { kind, key } = splitKey(flat);
    if (kind === 'param') config.params[key] = value;
    else if (kind === 'feature') config.features.push(key);
    else if (kind === 'code') config.codeVersion = value;
    else config[kind][key] = value;
  }
  config.features.sort();
  return config;
}

function splitKey(flat: string): { kind: ChangeKind; key: string } {
  const slash = flat.indexOf('/');
  return { kind: flat.slice(0, slash) as ChangeKind, key: flat.slice(slash + 1) };
}

function describeKey(flat: string): string {
  const { kind, key } = splitKey(flat);
  return kind === 'param' ? key : `${kind} ${key}`;
}
