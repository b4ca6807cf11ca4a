/**
 * Tags with a meaning in MLflow. A run's name and notes, and a project's description, are columns in
 * Ratchet; MLflow clients read and write them as these tags, so the MLflow routes map one onto the other.
 */
export const RUN_NAME_TAG = 'mlflow.runName';
export const NOTE_TAG = 'mlflow.note.content';
/** runs/log-model appends each MLmodel (as JSON) to this run tag's JSON list. */
export const LOGGED_MODELS_TAG = 'mlflow.log-model.history';
