import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/contract/api.js';
import { testDatabases } from '../support/databases.js';
import { type MlflowRoute, mlflowRequests, servedMlflowRoutes } from '../support/fuzz/mlflow-routes.js';
import { fuzzableNativeRoutes, nativeRequests } from '../support/fuzz/native-routes.js';
import { assertAllRefused } from '../support/fuzz/runs.js';
import { type Seeded, seed } from '../support/fuzz/seed.js';
import { type FuzzTarget, startFuzzTarget } from '../support/fuzz/target.js';

const NATIVE_REQUESTS = 800;
const MLFLOW_REQUESTS = 700;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`every route refuses hostile requests on ${database.name}`, () => {
    let target: FuzzTarget;
    let seeded: Seeded;
    let mlflowRoutes: MlflowRoute[];
    beforeAll(async () => {
      target = await startFuzzTarget(database);
      seeded = await seed(target);
      mlflowRoutes = await servedMlflowRoutes();
    });
    afterAll(() => target?.close());

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
      await assertAllRefused(target, nativeRequests(seeded), NATIVE_REQUESTS);
    });

    it('MLflow API: bad JSON, wrong types, poisoned and deep values, ids that name nothing', async () => {
      await assertAllRefused(target, mlflowRequests(mlflowRoutes, seeded), MLFLOW_REQUESTS);
    });
  });
}
