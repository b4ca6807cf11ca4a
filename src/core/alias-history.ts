/** How an alias was moved: MLflow's registry routes, the native API, or `ratchet retrain`. */
export const ALIAS_MOVE_SOURCES = ['mlflow', 'api', 'retrain'] as const;
export type AliasMoveSource = (typeof ALIAS_MOVE_SOURCES)[number];

/** What is recorded with a move besides the versions: when, through what, and why. */
export interface AliasMove {
  time: number;
  via: AliasMoveSource;
  /** Why it was moved by hand or forced; null when a judged trial is the reason, or none was given. */
  reason: string | null;
  /** The trial whose verdict justified the move. */
  trialId: string | null;
}

/** One entry of a model's alias history. */
export interface AliasEvent extends AliasMove {
  id: number;
  modelName: string;
  alias: string;
  /** null: the alias was deleted. */
  version: number | null;
  /** null: the alias was not set before. */
  previousVersion: number | null;
}
