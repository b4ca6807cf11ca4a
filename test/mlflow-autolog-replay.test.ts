import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

/**
 * The request sequence the stock MLflow 3.5 Python client sends for `mlflow.sklearn.autolog()` around one
 * LogisticRegression fit inside `mlflow.start_run()`, followed by `log_metric` calls (reference §4c), shaped
 * as that client shapes them: protobuf JSON with int64 fields as strings and enums by name, GET fields in
 * the query string, artifacts as raw PUT bodies through the proxy.
 */
const PARAMS: Record<string, string> = {
  C: '1.0',
  class_weight: 'None',
  dual: 'False',
  fit_intercept: 'True',
  intercept_scaling: '1',
  l1_ratio: 'None',
  max_iter: '100',
  multi_class: 'auto',
  n_jobs: 'None',
  penalty: 'l2',
  random_state: 'None',
  solver: 'lbfgs',
  tol: '0.0001',
  verbose: '0',
  warm_start: 'False',
};
const TRAINING_METRICS: Record<string, number> = {
  training_accuracy_score: 0.9733,
  training_f1_score: 0.9733,
  training_log_loss: 0.0842,
  training_precision_score: 0.9738,
  training_recall_score: 0.9733,
  training_roc_auc: 0.9987,
  training_score: 0.9733,
};
const RUN_FILES: Record<string, string> = {
  'estimator.html': '<div class="sk-top-container">LogisticRegression()</div>',
  'metric_info.json': '{"training_accuracy_score": "sklearn.metrics.accuracy_score"}',
  'training_confusion_matrix.png': '\x89PNG\r\n\x1a\n-fake-image-bytes',
};
const MODEL_FILES: Record<string, string> = {
  MLmodel: 'artifact_path: model\nflavors:\n  sklearn:\n    sklearn_version: 1.2.2\n',
  'conda.yaml': 'channels:\n- conda-forge\ndependencies:\n- python=3.11\n',
  'model.pkl': '\x80\x04\x95-pickled-estimator-bytes',
  'python_env.yaml': 'python: 3.11.9\n',
  'requirements.txt': 'mlflow==3.5.0\nscikit-learn==1.2.2\n',
};

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`replay of mlflow.sklearn.autolog() on ${database.name}`, () => {
    let server: MlflowServer;
    beforeAll(async () => {
      server = await startMlflowServer(database);
    });
    afterAll(() => server?.close());

    const ok = async (reply: Promise<{ status: number; text: string; json: unknown }>) => {
      const settled = await reply;
      expect(settled.status, settled.text).toBe(200);
      // biome-ignore lint/suspicious/noExplicitAny: replies are asserted on below
      return settled.json as any;
    };
    const now = () => String(Date.now());

    it('ends with 15 params, 9 metrics, the logged model READY and linked, and its artifacts downloadable', async () => {
      // mlflow.set_experiment('autolog-demo')
      const lookup = await server.get('experiments/get-by-name', { experiment_name: 'autolog-demo' });
      expect(lookup).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      const { experiment_id: exp } = await ok(server.post('experiments/create', { name: 'autolog-demo' }));
      await ok(server.get('experiments/get', { experiment_id: exp }));

      // mlflow.start_run()
      const { run } = await ok(
        server.post('runs/create', {
          experiment_id: exp,
          user_id: 'ana',
          start_time: now(),
          tags: [
            { key: 'mlflow.user', value: 'ana' },
            { key: 'mlflow.source.name', value: 'train.py' },
            { key: 'mlflow.source.type', value: 'LOCAL' },
          ],
        }),
      );
      const runId: string = run.info.run_id;
      const getRun = () => ok(server.get('runs/get', { run_id: runId }));
      await getRun();

      // autolog: estimator params and tags
      await ok(
        server.post('runs/log-batch', {
          run_id: runId,
          metrics: [],
          params: Object.entries(PARAMS).map(([key, value]) => ({ key, value })),
          tags: [
            { key: 'estimator_name', value: 'LogisticRegression' },
            { key: 'estimator_class', value: 'sklearn.linear_model._logistic.LogisticRegression' },
          ],
        }),
      );
      await getRun();

      // autolog: the training dataset
      await ok(
        server.post('runs/log-inputs', {
          run_id: runId,
          datasets: [
            {
              tags: [{ key: 'mlflow.data.context', value: 'train' }],
              dataset: {
                name: 'dataset',
                digest: '4d8c6f2e',
                source_type: 'code',
                source: '{"tags": {"mlflow.user": "ana", "mlflow.source.name": "train.py"}}',
                schema: '{"mlflow_tensorspec": {"features": "[{\\"type\\": \\"tensor\\"}]"}}',
                profile: '{"features_shape": [150, 4], "targets_shape": [150]}',
              },
            },
          ],
        }),
      );

      // Model.log: create the logged model, upload its files, read it back, finalize, link it to the run
      const { model } = await ok(
        server.call('POST', '/api/2.0/mlflow/logged-models', {
          experiment_id: exp,
          name: 'model',
          source_run_id: runId,
          params: Object.entries(PARAMS).map(([key, value]) => ({ key, value })),
          tags: [{ key: 'mlflow.autologging', value: 'sklearn' }],
        }),
      );
      const modelId: string = model.info.model_id;
      expect(modelId).toMatch(/^m-[0-9a-f]{32}$/);
      expect(model.info.artifact_uri).toBe(`mlflow-artifacts:/${exp}/models/${modelId}/artifacts`);
      for (const [file, contents] of Object.entries(MODEL_FILES)) {
        await ok(
          server.call(
            'PUT',
            `/api/2.0/mlflow-artifacts/artifacts/${exp}/models/${modelId}/artifacts/${file}`,
            contents,
          ),
        );
      }
      await ok(server.call('GET', `/api/2.0/mlflow/logged-models/${modelId}`));
      await ok(
        server.call('PATCH', `/api/2.0/mlflow/logged-models/${modelId}`, {
          model_id: modelId,
          status: 'LOGGED_MODEL_READY',
        }),
      );
      await ok(server.post('runs/outputs', { run_id: runId, models: [{ model_id: modelId, step: '0' }] }));
      await getRun();

      // autolog: training metrics, linked to the model and the dataset
      const timestamp = now();
      await ok(
        server.post('runs/log-batch', {
          run_id: runId,
          metrics: Object.entries(TRAINING_METRICS).map(([key, value]) => ({
            key,
            value,
            timestamp,
            step: '0',
            model_id: modelId,
            dataset_name: 'dataset',
            dataset_digest: '4d8c6f2e',
          })),
          params: [],
          tags: [],
        }),
      );
      // autolog: run artifacts
      for (const [file, contents] of Object.entries(RUN_FILES)) {
        await ok(
          server.call(
            'PUT',
            `/api/2.0/mlflow-artifacts/artifacts/${exp}/${runId}/artifacts/${file}`,
            contents,
          ),
        );
      }
      await getRun();

      // the script's own mlflow.log_metric calls
      for (const [key, value] of [
        ['test_acc', 0.9667],
        ['test_f1', 0.9665],
      ] as const) {
        await ok(server.post('runs/log-metric', { run_id: runId, key, value, timestamp: now(), step: '0' }));
      }
      await getRun();

      // end_run()
      await ok(
        server.post('runs/update', { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: now() }),
      );

      // The end state.
      const final = (await getRun()).run;
      expect(final.info.status).toBe('FINISHED');
      expect(typeof final.info.end_time).toBe('number');
      expect(final.data.params).toHaveLength(15);
      expect(
        Object.fromEntries(final.data.params.map((p: { key: string; value: string }) => [p.key, p.value])),
      ).toEqual(PARAMS);
      expect(final.data.metrics).toHaveLength(9);
      expect(final.inputs.dataset_inputs[0]).toMatchObject({
        tags: [{ key: 'mlflow.data.context', value: 'train' }],
        dataset: { name: 'dataset', digest: '4d8c6f2e' },
      });
      expect(final.outputs).toEqual({ model_outputs: [{ model_id: modelId, step: 0 }] });

      const stored = (await ok(server.call('GET', `/api/2.0/mlflow/logged-models/${modelId}`))).model;
      expect(stored.info).toMatchObject({
        status: 'LOGGED_MODEL_READY',
        source_run_id: runId,
        experiment_id: exp,
      });
      expect(stored.data.params).toHaveLength(15);
      expect(stored.data.metrics).toHaveLength(7);

      // search_runs (and its logged-models/search), as the client's search_runs / pandas does
      const found = await ok(
        server.post('runs/search', {
          experiment_ids: [exp],
          filter: "metrics.training_score > 0.9 AND params.solver = 'lbfgs'",
          run_view_type: 'ACTIVE_ONLY',
          max_results: '1000',
          order_by: ['metrics.test_acc DESC'],
        }),
      );
      expect(found.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runId]);
      const models = await ok(server.post('logged-models/search', { experiment_ids: [exp] }));
      expect(models.models.map((m: { info: { model_id: string } }) => m.info.model_id)).toEqual([modelId]);

      // download_artifacts: list through the proxy, then fetch every file
      const runListing = await ok(
        server.call('GET', `/api/2.0/mlflow-artifacts/artifacts?path=${exp}/${runId}/artifacts`),
      );
      expect(runListing.files.map((f: { path: string }) => f.path)).toEqual(Object.keys(RUN_FILES).sort());
      for (const [file, contents] of Object.entries(RUN_FILES)) {
        const reply = await server.call(
          'GET',
          `/api/2.0/mlflow-artifacts/artifacts/${exp}/${runId}/artifacts/${file}`,
        );
        expect(reply.text).toBe(contents);
      }
      const modelListing = await ok(
        server.call('GET', `/api/2.0/mlflow/logged-models/${modelId}/artifacts/directories`),
      );
      expect(modelListing.files.map((f: { path: string }) => f.path)).toEqual(
        Object.keys(MODEL_FILES).sort(),
      );
      for (const [file, contents] of Object.entries(MODEL_FILES)) {
        const reply = await server.call(
          'GET',
          `/api/2.0/mlflow-artifacts/artifacts/${exp}/models/${modelId}/artifacts/${file}`,
        );
        expect(reply.text).toBe(contents);
      }
    });
  });
}
