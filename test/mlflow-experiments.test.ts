import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowReply, type MlflowServer, startMlflowServer } from './support/mlflow.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow experiments API on ${database.name}`, () => {
    let server: MlflowServer;
    beforeAll(async () => {
      server = await startMlflowServer(database);
    });
    afterAll(() => server?.close());

    const create = async (name: string, extra: object = {}) => {
      const reply = await server.post('experiments/create', { name, ...extra });
      expect(reply.status).toBe(200);
      return reply.json.experiment_id as string;
    };

    it('has the default experiment "0"', async () => {
      const reply = await server.get('experiments/get', { experiment_id: '0' });
      expect(reply.json.experiment).toMatchObject({
        experiment_id: '0',
        name: 'Default',
        lifecycle_stage: 'active',
        artifact_location: 'mlflow-artifacts:/0',
      });
      expect(typeof reply.json.experiment.creation_time).toBe('number');
    });

    it('creates, gets by id and by name, with tags, ids as strings and times as numbers', async () => {
      const id = await create('vision', { tags: [{ key: 'team', value: 'cv' }] });
      expect(id).toMatch(/^\d+$/);
      const byId = await server.get('experiments/get', { experiment_id: id });
      expect(byId.json.experiment).toMatchObject({
        experiment_id: id,
        name: 'vision',
        tags: [{ key: 'team', value: 'cv' }],
        artifact_location: `mlflow-artifacts:/${id}`,
      });
      expect(typeof byId.json.experiment.last_update_time).toBe('number');
      const byName = await server.get('experiments/get-by-name', { experiment_name: 'vision' });
      expect(byName.json.experiment.experiment_id).toBe(id);
    });

    it('answers the error codes and statuses clients key off', async () => {
      await create('taken');
      const duplicate = await server.post('experiments/create', { name: 'taken' });
      expect(duplicate).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
      const missing = await server.get('experiments/get-by-name', { experiment_name: 'nope' });
      expect(missing).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      for (const id of ['424242', 'abc', '-1']) {
        const reply = await server.get('experiments/get', { experiment_id: id });
        expect(reply).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      }
      for (const body of [{}, { name: '' }, { name: 7 }, { name: 'x'.repeat(501) }]) {
        const reply = await server.post('experiments/create', body);
        expect(reply).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
      }
      const badTag = await server.post('experiments/create', {
        name: 'bad-tag',
        tags: [{ key: 'k', value: 'v'.repeat(5001) }],
      });
      expect(badTag.status).toBe(400);
      expect((await server.get('experiments/get-by-name', { experiment_name: 'bad-tag' })).status).toBe(404);
    });

    it('renames (camelCase fields accepted), refusing a taken name', async () => {
      const id = await create('old-name');
      await create('other-name');
      expect(
        (await server.post('experiments/update', { experimentId: id, newName: 'new-name' })).status,
      ).toBe(200);
      expect((await server.get('experiments/get', { experiment_id: id })).json.experiment.name).toBe(
        'new-name',
      );
      const clash = await server.post('experiments/update', { experiment_id: id, new_name: 'other-name' });
      expect(clash).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    });

    it('sets and deletes tags; the note tag is the project description in the native API', async () => {
      const id = await create('tagged');
      await server.post('experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v' });
      await server.post('experiments/set-experiment-tag', {
        experiment_id: id,
        key: 'mlflow.note.content',
        value: 'what we try',
      });
      const native = await server.call('GET', `/api/v1/projects/${id}`);
      expect(native.json.project.description).toBe('what we try');
      const tags = (await server.get('experiments/get', { experiment_id: id })).json.experiment.tags;
      expect(tags).toEqual(
        expect.arrayContaining([
          { key: 'k', value: 'v' },
          { key: 'mlflow.note.content', value: 'what we try' },
        ]),
      );
      expect(
        (await server.post('experiments/delete-experiment-tag', { experiment_id: id, key: 'k' })).status,
      ).toBe(200);
      const again = await server.post('experiments/delete-experiment-tag', { experiment_id: id, key: 'k' });
      expect(again).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      await server.post('experiments/delete-experiment-tag', {
        experiment_id: id,
        key: 'mlflow.note.content',
      });
      expect((await server.call('GET', `/api/v1/projects/${id}`)).json.project.description).toBe('');
      const badKey = await server.post('experiments/set-experiment-tag', {
        experiment_id: id,
        key: 'bad key!',
      });
      expect(badKey.status).toBe(400);
    });

    it('deletes an experiment with its runs, keeps its name reserved, restores both', async () => {
      const id = await create('doomed');
      const run = (await server.post('runs/create', { experiment_id: id })).json.run.info.run_id;
      expect((await server.post('experiments/delete', { experiment_id: id })).status).toBe(200);
      expect(
        (await server.get('experiments/get', { experiment_id: id })).json.experiment.lifecycle_stage,
      ).toBe('deleted');
      expect((await server.get('runs/get', { run_id: run })).json.run.info.lifecycle_stage).toBe('deleted');
      expect((await server.post('experiments/create', { name: 'doomed' })).status).toBe(400);
      const rename = await server.post('experiments/update', { experiment_id: id, new_name: 'x' });
      expect(rename.status).toBe(400);
      const newRun = await server.post('runs/create', { experiment_id: id });
      expect(newRun).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
      expect((await server.post('experiments/restore', { experiment_id: id })).status).toBe(200);
      expect((await server.get('runs/get', { run_id: run })).json.run.info.lifecycle_stage).toBe('active');
    });

    it('searches with filters, order_by, view types and page tokens, by GET and POST', async () => {
      const ids: string[] = [];
      for (const name of ['search-b', 'search-a', 'search-c']) {
        ids.push(await create(name, { tags: [{ key: 'kind', value: name === 'search-c' ? 'x' : 'y' }] }));
      }
      await server.post('experiments/delete', { experiment_id: ids[2] });
      const names = (reply: { json: { experiments?: { name: string }[] } }) =>
        (reply.json.experiments ?? []).map((e) => e.name);

      const byName = await server.post('experiments/search', {
        filter: "name LIKE 'search-%'",
        order_by: ['name ASC'],
      });
      expect(names(byName)).toEqual(['search-a', 'search-b']);
      const viaGet = await server.get('experiments/search', {
        filter: "name LIKE 'search-%' AND tags.kind = 'y'",
        order_by: ['name DESC'],
      });
      expect(names(viaGet)).toEqual(['search-b', 'search-a']);
      const deleted = await server.post('experiments/search', {
        filter: "name LIKE 'search-%'",
        view_type: 'DELETED_ONLY',
      });
      expect(names(deleted)).toEqual(['search-c']);
      const all = await server.post('experiments/search', {
        filter: "name LIKE 'search-%' OR name = 'Default'",
        view_type: 'ALL',
        order_by: ['name'],
      });
      expect(names(all)).toEqual(['Default', 'search-a', 'search-b', 'search-c']);

      const first = await server.post('experiments/search', {
        filter: "name LIKE 'search-%'",
        order_by: ['name'],
        max_results: '1',
      });
      expect(names(first)).toEqual(['search-a']);
      expect(first.json.next_page_token).toBe(btoa('{"offset": 1}'));
      const second = await server.post('experiments/search', {
        filter: "name LIKE 'search-%'",
        order_by: ['name'],
        max_results: 1,
        page_token: first.json.next_page_token,
      });
      expect(names(second)).toEqual(['search-b']);
      expect(second.json.next_page_token).toBeUndefined();

      const none = await server.post('experiments/search', { filter: "name = 'no such experiment'" });
      expect(none).toMatchObject({ status: 200, json: {} });
      for (const bad of [
        { filter: 'name >' },
        { filter: 'metrics.x > 1' },
        { max_results: 50_001 },
        { page_token: 'garbage' },
        { view_type: 'SOME' },
      ]) {
        const reply = await server.post('experiments/search', bad);
        expect(reply).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
      }
    });

    it("speaks MLflow's words (experiment) here and Ratchet's (project) on the native API", async () => {
      const mlflow = async (route: string, reply: Promise<MlflowReply>, code: string, message: string) =>
        expect(await reply, route).toMatchObject({ json: { error_code: code, message } });
      await mlflow(
        'get-by-name',
        server.get('experiments/get-by-name', { experiment_name: 'nope' }),
        'RESOURCE_DOES_NOT_EXIST',
        "Could not find experiment with name 'nope'",
      );
      await mlflow(
        'get',
        server.get('experiments/get', { experiment_id: '424242' }),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=424242 exists',
      );
      await create('worded');
      await mlflow(
        'create',
        server.post('experiments/create', { name: 'worded' }),
        'RESOURCE_ALREADY_EXISTS',
        'Experiment(name=worded) already exists.',
      );
      await mlflow(
        'create',
        server.post('experiments/create', { name: 'x'.repeat(501) }),
        'INVALID_PARAMETER_VALUE',
        'Experiment name exceeds the maximum length of 500 characters.',
      );
      await mlflow(
        'runs/create',
        server.post('runs/create', { experiment_id: '424242' }),
        'RESOURCE_DOES_NOT_EXIST',
        'No Experiment with id=424242 exists',
      );

      const native = async (method: string, path: string, body: unknown, status: number, message: string) => {
        const reply = await server.call(method, path, body);
        expect(reply, `${method} ${path}`).toMatchObject({ status, json: { message } });
        expect(reply.json.message).not.toMatch(/experiment/i);
      };
      await native('GET', '/api/v1/projects/by-name/nope', undefined, 404, "Project 'nope' does not exist.");
      await native(
        'GET',
        '/api/v1/projects/424242',
        undefined,
        404,
        'Project with id 424242 does not exist.',
      );
      await native('POST', '/api/v1/projects', { name: 'worded' }, 409, "Project 'worded' already exists.");
      await native(
        'POST',
        '/api/v1/projects',
        { name: 'x'.repeat(501) },
        400,
        'Invalid request: body.name: a project name has at most 500 characters.',
      );
      await native(
        'POST',
        '/api/v1/runs',
        { project_id: '424242' },
        404,
        'Project with id 424242 does not exist.',
      );
    });

    it('is mirrored under /ajax-api and shares projects with the native API', async () => {
      const native = await server.call('POST', '/api/v1/projects', { name: 'from-native' });
      const id = native.json.project.id;
      const reply = await server.call('GET', `/ajax-api/2.0/mlflow/experiments/get?experiment_id=${id}`);
      expect(reply.json.experiment.name).toBe('from-native');
      const viaMlflow = await create('from-mlflow');
      expect((await server.call('GET', `/api/v1/projects/${viaMlflow}`)).json.project.name).toBe(
        'from-mlflow',
      );
    });
  });
}
