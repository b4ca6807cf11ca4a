// A script that already uses the `mlflow` npm client: the MLflow variables point it at the runner's run.
import mlflowModule from 'mlflow';

const MLflow = mlflowModule.default ?? mlflowModule;
console.log = () => {}; // the client logs every request body
const client = new MLflow({ endpoint: process.env.MLFLOW_TRACKING_URI });
await client.Runs.logMetric({
  run_id: process.env.MLFLOW_RUN_ID,
  key: 'mlflow_metric',
  value: 0.25,
  timestamp: Date.now(),
  step: 0,
});
await client.Runs.setTag({
  run_id: process.env.MLFLOW_RUN_ID,
  key: 'experiment',
  value: process.env.MLFLOW_EXPERIMENT_ID,
});
