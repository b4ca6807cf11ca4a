import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const PROXY = '/api/2.0/mlflow-artifacts/artifacts';
const invalid = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } };

/** Sends the path exactly as written (fetch would resolve `..` segments before sending). */
function rawRequest(url: string, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, method, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow artifact proxy and artifacts/list on ${database.name}`, () => {
    let server: MlflowServer;
    let outside: string;
    let runId: string;
    let runRoot: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      outside = mkdtempSync(join(tmpdir(), 'ratchet-outside-'));
      writeFileSync(join(outside, 'secret.txt'), 'secret');
      const run = (await server.post('runs/create', { experiment_id: '0' })).json.run;
      runId = run.info.run_id;
      runRoot = `0/${runId}/artifacts`;
    });
    afterAll(async () => {
      await server?.close();
      rmSync(outside, { recursive: true, force: true });
    });

    const put = (path: string, body: string | Uint8Array) => server.call('PUT', `${PROXY}/${path}`, body);

    it('uploads raw bodies, downloads them as attachments, lists and deletes', async () => {
      expect(await put(`${runRoot}/model/MLmodel`, 'flavors: {}')).toMatchObject({ status: 200, json: {} });
      expect((await put(`${runRoot}/metrics.json`, '{"a": 1}')).status).toBe(200);
      const download = await server.call('GET', `${PROXY}/${runRoot}/metrics.json`);
      expect(download.text).toBe('{"a": 1}');
      expect(download.headers.get('content-type')).toBe('application/json');
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="metrics.json"');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(
        (await server.call('GET', `${PROXY}/${runRoot}/model/MLmodel`)).headers.get('content-type'),
      ).toBe('application/octet-stream');

      const listing = await server.call('GET', `${PROXY}?path=${runRoot}`);
      expect(listing.json).toEqual({
        files: [
          { path: 'metrics.json', is_dir: false, file_size: 8 },
          { path: 'model', is_dir: true },
        ],
      });
      const runList = await server.get('artifacts/list', { run_id: runId });
      expect(runList.json).toEqual({
        root_uri: `mlflow-artifacts:/${runRoot}`,
        files: [
          { path: 'metrics.json', is_dir: false, file_size: 8 },
          { path: 'model', is_dir: true },
        ],
      });
      const sub = await server.get('artifacts/list', { run_uuid: runId, path: 'model' });
      expect(sub.json.files).toEqual([{ path: 'model/MLmodel', is_dir: false, file_size: 11 }]);
      expect((await server.call('GET', `${PROXY}?path=${runRoot}/nothing-here`)).json).toEqual({});

      expect((await put(`${runRoot}/metrics.json`, 'overwritten')).status).toBe(200);
      expect((await server.call('GET', `${PROXY}/${runRoot}/metrics.json`)).text).toBe('overwritten');
      expect((await server.call('DELETE', `${PROXY}/${runRoot}/model`)).status).toBe(200);
      expect((await server.call('GET', `${PROXY}/${runRoot}/model/MLmodel`)).status).toBe(404);
      expect((await server.call('DELETE', `${PROXY}/${runRoot}/model`)).status).toBe(200);
      expect(
        (await server.call('GET', `/ajax-api/2.0/mlflow-artifacts/artifacts/${runRoot}/metrics.json`)).text,
      ).toBe('overwritten');
    });

    it('streams large uploads to disk byte for byte and leaves no temporary file behind', async () => {
      const big = new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 31) % 251);
      expect((await put(`${runRoot}/big.bin`, big)).status).toBe(200);
      const onDisk = readFileSync(join(server.artifactRoot, runRoot, 'big.bin'));
      expect(Buffer.compare(onDisk, Buffer.from(big))).toBe(0);
      const response = await fetch(`${server.url}${PROXY}/${runRoot}/big.bin`);
      expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(big))).toBe(0);
      expect(readdirSync(join(server.artifactRoot, runRoot)).filter((f) => f.startsWith('.'))).toEqual([]);
      expect((await put('empty/file.txt', '')).status).toBe(200);
      expect((await server.call('GET', `${PROXY}/empty/file.txt`)).text).toBe('');
    });

    it('refuses traversal: .., encoded .., absolute paths, backslashes', async () => {
      for (const path of [
        '..%2f..%2fsecret.txt',
        'a/%2e%2e%2f%2e%2e%2fsecret.txt',
        '%2fetc%2fpasswd',
        '/etc/passwd',
        'a%5c..%5c..%5csecret.txt',
        'bad%00name',
      ]) {
        expect(await server.call('GET', `${PROXY}/${path}`)).toMatchObject(invalid);
        expect(await server.call('PUT', `${PROXY}/${path}`, 'x')).toMatchObject(invalid);
        expect(await server.call('DELETE', `${PROXY}/${path}`)).toMatchObject(invalid);
      }
      expect(await server.call('GET', `${PROXY}?path=../`)).toMatchObject(invalid);
      expect(await server.call('GET', `${PROXY}?path=/etc`)).toMatchObject(invalid);
      expect(await server.get('artifacts/list', { run_id: runId, path: '../../..' })).toMatchObject(invalid);
      // Raw `..` segments never reach the proxy: the URL resolves them to another (unknown) route.
      for (const method of ['GET', 'PUT']) {
        const status = await rawRequest(server.url, method, `${PROXY}/x/../../../../escape.txt`, 'x');
        expect(status).not.toBe(200);
      }
      expect(existsSync(join(server.artifactRoot, '..', 'escape.txt'))).toBe(false);
      expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    });

    it('refuses paths that leave the root through symlinks', async () => {
      symlinkSync(outside, join(server.artifactRoot, 'evil-dir'));
      mkdirSync(join(server.artifactRoot, 'inside'), { recursive: true });
      symlinkSync(join(outside, 'secret.txt'), join(server.artifactRoot, 'inside', 'link.txt'));
      expect(await server.call('GET', `${PROXY}/evil-dir/secret.txt`)).toMatchObject(invalid);
      expect(await server.call('GET', `${PROXY}/inside/link.txt`)).toMatchObject(invalid);
      expect(await server.call('PUT', `${PROXY}/evil-dir/planted.txt`, 'x')).toMatchObject(invalid);
      expect(await server.call('PUT', `${PROXY}/evil-dir/deeper/planted.txt`, 'x')).toMatchObject(invalid);
      expect(await server.call('DELETE', `${PROXY}/evil-dir/secret.txt`)).toMatchObject(invalid);
      expect(await server.call('GET', `${PROXY}?path=evil-dir`)).toMatchObject(invalid);
      // Listing the directory holding a link that leaves the root does not show the link.
      expect((await server.call('GET', `${PROXY}?path=inside`)).json).toEqual({});
      expect(readdirSync(outside)).toEqual(['secret.txt']);
      // Removing the link itself is fine and leaves its target alone.
      expect((await server.call('DELETE', `${PROXY}/inside/link.txt`)).status).toBe(200);
      expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    });

    it('refuses uploads onto a directory, the root, and answers 404 for what is not a file', async () => {
      await put(`${runRoot}/dir/file.txt`, 'x');
      expect(await put(`${runRoot}/dir`, 'x')).toMatchObject(invalid);
      expect(await server.call('DELETE', `${PROXY}/`)).toMatchObject(invalid);
      expect((await server.call('GET', `${PROXY}/${runRoot}/dir`)).status).toBe(404);
      expect((await server.call('GET', `${PROXY}/${runRoot}/none.txt`)).json.error_code).toBe(
        'RESOURCE_DOES_NOT_EXIST',
      );
      expect((await server.call('POST', `${PROXY}/${runRoot}/dir/file.txt`, 'x')).status).toBe(405);
      expect((await server.get('artifacts/list', { run_id: 'b'.repeat(32) })).status).toBe(404);
    });
  });
}
