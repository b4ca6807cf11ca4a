import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './support/app.js';
import { testDatabases } from './support/databases.js';

/**
 * MLflow clients read every error as JSON: a path under an MLflow prefix that names no endpoint answers
 * 404 `ENDPOINT_NOT_FOUND`, while a known path asked with the wrong method keeps its 405 with `Allow`.
 */
const PREFIXES = [
  '/api/2.0/mlflow',
  '/ajax-api/2.0/mlflow',
  '/api/2.0/mlflow-artifacts',
  '/ajax-api/2.0/mlflow-artifacts',
];

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`unknown MLflow endpoints on ${database.name}`, () => {
    let app: ReturnType<typeof testApp>['app'];
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      const opened = await database.open();
      dispose = opened.dispose;
      ({ app } = testApp(opened.store));
    });
    afterAll(() => dispose?.());

    async function request(method: string, path: string) {
      const response = await app.request(path, { method });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }

    it('answer 404 ENDPOINT_NOT_FOUND as JSON under every MLflow prefix, whatever the method', async () => {
      for (const prefix of PREFIXES) {
        for (const path of [`${prefix}/runs/teleport`, `${prefix}/`, prefix, `${prefix}/a/b/c?x=1`]) {
          for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
            const reply = await request(method, path);
            expect(reply.status, `${method} ${path}`).toBe(404);
            expect(reply.type).toMatch(/^application\/json/);
            expect(JSON.parse(reply.text)).toEqual({
              error_code: 'ENDPOINT_NOT_FOUND',
              message: `No endpoint ${method} ${path.replace(/\?.*/, '')}`,
            });
          }
        }
      }
    });

    it('do not echo a long path whole', async () => {
      const path = `/api/2.0/mlflow/${'a'.repeat(50_000)}`;
      const reply = await request('GET', path);
      expect(reply.status).toBe(404);
      const { error_code, message } = JSON.parse(reply.text);
      expect(error_code).toBe('ENDPOINT_NOT_FOUND');
      expect(message.length).toBeLessThan(300);
      expect(message).toContain(`No endpoint GET /api/2.0/mlflow/aaaa`);
      expect(message).toContain('50,016 characters');
    });

    it('keep 405 with Allow for known paths and serve the known ones', async () => {
      const wrongMethod = await app.request('/api/2.0/mlflow/runs/log-batch', { method: 'GET' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toContain('POST');
      const artifactPost = await app.request('/api/2.0/mlflow-artifacts/artifacts/0/x.txt', {
        method: 'POST',
      });
      expect(artifactPost.status).toBe(405);
      expect(artifactPost.headers.get('allow')).toContain('PUT');
      expect(
        (await request('GET', '/ajax-api/2.0/mlflow/experiments/get-by-name?experiment_name=Default')).status,
      ).toBe(200);
      expect((await request('GET', '/api/2.0/mlflow-artifacts/artifacts?path=')).status).toBe(200);
      const missingFile = JSON.parse(
        (await request('GET', '/api/2.0/mlflow-artifacts/artifacts/0/none.txt')).text,
      );
      expect(missingFile.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    });
  });
}
