import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/contract/api.js';
import { testDatabases } from '../support/databases.js';
import { type MlflowRoute, mlflowRequests, servedMlflowRoutes } from '../support/fuzz/mlflow-routes.js';
import { fuzzableNativeRoutes, nativeRequests } from '../support/fuzz/native-routes.js';
import { assertAllRefused } from '../support/fuzz/runs.js';
import { fuzzTargetForSuite } from '../support/fuzz/suite.js';

const NATIVE_REQUESTS = 800;
const MLFLOW_REQUESTS = 700;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`every route refuses hostile requests on ${database.name}`, () => {
    const suite = fuzzTargetForSuite(database);
    let mlflowRoutes: MlflowRoute[];
    beforeAll(async () => {
      mlflowRoutes = await servedMlflowRoutes();
    });

    it('fuzzes every native route that takes input; the rest take none', () => {
      const fuzzed = new Set(fuzzableNativeRoutes());
      const untouched = allRoutes()
        .filter((route) => !fuzzed.has(route))
        .map((route) => `${route.method} ${route.path}`);
      expect(untouched.sort()).toEqual([
        'DELETE /api/v1/session',
        'GET /api/v1/openapi.json',
        'GET /api/v1/session',
      ]);
      expect(mlflowRoutes.length).toBeGreaterThan(50);
    });

    it('native API: bad JSON, wrong types, poisoned and deep values, ids that name nothing', async () => {
      await assertAllRefused(suite.target, nativeRequests(suite.seeded), NATIVE_REQUESTS);
    });

    it('MLflow API: bad JSON, wrong types, poisoned and deep values, ids that name nothing', async () => {
      await assertAllRefused(suite.target, mlflowRequests(mlflowRoutes, suite.seeded), MLFLOW_REQUESTS);
    });
  });
}
