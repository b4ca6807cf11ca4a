import { describe, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { artifactRequests } from '../support/fuzz/artifact-paths.js';
import { assertAllRefused } from '../support/fuzz/runs.js';
import { fuzzTargetForSuite } from '../support/fuzz/suite.js';

const ARTIFACT_REQUESTS = 500;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(
    `artifact paths that leave the root are refused on ${database.name}`,
    () => {
      const suite = fuzzTargetForSuite(database);

      // Found by this fuzz: the Node adapter and Node's HTTP parser answered these with an empty 400 or 431.
      it('answers what the HTTP layer refuses before the app (a raw backslash, 20 KB of headers) as JSON', async () => {
        const cases = [
          { method: 'GET', path: '/api/2.0/mlflow-artifacts/artifacts/..\\..\\x', why: 'raw backslash' },
          {
            method: 'GET',
            path: '/api/v1/projects',
            headers: { 'x-filler': 'a'.repeat(20_000) },
            why: 'headers over 16 KB',
          },
        ];
        for (const request of cases) await suite.target.refuses(request);
        await suite.target.assertAlive();
      });

      it('`..`, encoded dots, absolute paths, backslashes and NUL: 4xx on every artifact route, no file written', async () => {
        await assertAllRefused(suite.target, artifactRequests(suite.seeded), ARTIFACT_REQUESTS);
      });
    },
  );
}
