import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowReply, type MlflowServer, startMlflowServer } from './support/mlflow.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow model registry over HTTP on ${database.name}`, () => {
    let server: MlflowServer;
    beforeAll(async () => {
      let clock = 1_700_000_000_000;
      server = await startMlflowServer(database, { now: () => ++clock }); // every timestamp distinct
    });
    afterAll(() => server?.close());

    const call = (method: string, path: string, body?: unknown) => server.call(method, path, body);
    const post = (route: string, body: unknown) => server.post(route, body);
    const patch = (route: string, body: unknown) => call('PATCH', `/api/2.0/mlflow/${route}`, body);
    const del = (route: string, body: unknown) => call('DELETE', `/api/2.0/mlflow/${route}`, body);
    /** GET with the fields in the query string; a list becomes repeated keys. */
    const get = (route: string, query: Record<string, string | string[]> = {}) => server.get(route, query);

    type Reply = MlflowReply;
    const ok = (reply: Reply) => {
      expect(reply.status, JSON.stringify(reply.json)).toBe(200);
      return reply.json;
    };
    const refused = (reply: Reply, status: number, code: string) => {
      expect(reply.status).toBe(status);
      expect(reply.json).toMatchObject({ error_code: code, message: expect.any(String) });
    };
    const invalid = (reply: Reply) => refused(reply, 400, 'INVALID_PARAMETER_VALUE');
    const missing = (reply: Reply) => refused(reply, 404, 'RESOURCE_DOES_NOT_EXIST');

    const createModel = async (name: string, extra: object = {}) =>
      ok(await post('registered-models/create', { name, ...extra }));
    async function createVersion(name: string, extra: object = {}) {
      const created = ok(
        await post('model-versions/create', { name, source: 's3://bucket/model', ...extra }),
      );
      return created.model_version.version as string;
    }
    const getModel = async (name: string) =>
      ok(await get('registered-models/get', { name })).registered_model;
    const getVersion = async (name: string, version: string) =>
      ok(await get('model-versions/get', { name, version })).model_version;

    describe('registered models', () => {
      it("creates a model in MLflow's shape, leaving out unset fields and empty lists", async () => {
        const created = await createModel('shape', {
          description: 'a classifier',
          tags: [{ key: 'team', value: 'vision' }],
        });
        expect(created).toEqual({
          registered_model: {
            name: 'shape',
            creation_timestamp: expect.any(Number),
            last_updated_timestamp: created.registered_model.creation_timestamp,
            description: 'a classifier',
            tags: [{ key: 'team', value: 'vision' }],
          },
        });
        expect(await getModel('shape')).toEqual(created.registered_model);
        expect(await createModel('bare')).toEqual({
          registered_model: {
            name: 'bare',
            creation_timestamp: expect.any(Number),
            last_updated_timestamp: expect.any(Number),
          },
        });
      });

      it('refuses duplicate names, empty or over-long names and bad tags, creating nothing', async () => {
        await createModel('taken');
        refused(await post('registered-models/create', { name: 'taken' }), 400, 'RESOURCE_ALREADY_EXISTS');
        invalid(await post('registered-models/create', {}));
        invalid(await post('registered-models/create', { name: 'x'.repeat(257) }));
        invalid(await post('registered-models/create', { name: 42 }));
        refused(await post('registered-models/create', '{"name": '), 400, 'MALFORMED_REQUEST');
        const badTags = [
          [{ key: 'bad key!', value: 'v' }],
          [{ key: 'k'.repeat(251), value: 'v' }],
          [{ key: '../up', value: 'v' }],
          [{ value: 'no key' }],
          [
            { key: 'fine', value: 'v' },
            { key: 'long', value: 'v'.repeat(100_001) },
          ],
        ];
        for (const tags of badTags) invalid(await post('registered-models/create', { name: 'never', tags }));
        missing(await get('registered-models/get', { name: 'never' }));
        const longest = await createModel('longest-tag', {
          tags: [{ key: 'k'.repeat(250), value: 'v'.repeat(100_000) }],
        });
        expect(longest.registered_model.tags[0].value).toHaveLength(100_000);
        expect((await createModel('n'.repeat(256))).registered_model.name).toHaveLength(256);
      });

      it('gets unknown models as RESOURCE_DOES_NOT_EXIST and requires a name', async () => {
        missing(await get('registered-models/get', { name: 'nobody' }));
        invalid(await get('registered-models/get'));
      });

      it('updates the description, leaving it alone when none is given', async () => {
        const before = (await createModel('described', { description: 'old' })).registered_model;
        const updated = ok(
          await patch('registered-models/update', { name: 'described', description: 'new' }),
        ).registered_model;
        expect(updated.description).toBe('new');
        expect(updated.last_updated_timestamp).toBeGreaterThan(before.last_updated_timestamp);
        expect(
          ok(await patch('registered-models/update', { name: 'described' })).registered_model.description,
        ).toBe('new');
        missing(await patch('registered-models/update', { name: 'nobody', description: 'x' }));
      });

      it('renames a model with its versions, tags and aliases (camelCase body)', async () => {
        await createModel('old-name', { tags: [{ key: 'k', value: 'v' }] });
        await createVersion('old-name');
        await createVersion('old-name', { tags: [{ key: 'vk', value: 'vv' }] });
        ok(await post('registered-models/alias', { name: 'old-name', alias: 'champion', version: '2' }));
        const renamed = ok(
          await post('registered-models/rename', { name: 'old-name', newName: 'new-name' }),
        ).registered_model;
        expect(renamed).toMatchObject({
          name: 'new-name',
          tags: [{ key: 'k', value: 'v' }],
          aliases: [{ alias: 'champion', version: '2' }],
        });
        missing(await get('registered-models/get', { name: 'old-name' }));
        expect(await getVersion('new-name', '2')).toMatchObject({
          name: 'new-name',
          version: '2',
          aliases: ['champion'],
          tags: [{ key: 'vk', value: 'vv' }],
        });
        expect(
          ok(await get('registered-models/alias', { name: 'new-name', alias: 'champion' })).model_version
            .version,
        ).toBe('2');
        expect(await createVersion('new-name')).toBe('3');

        await createModel('other-name');
        refused(
          await post('registered-models/rename', { name: 'new-name', new_name: 'other-name' }),
          400,
          'RESOURCE_ALREADY_EXISTS',
        );
        missing(await post('registered-models/rename', { name: 'nobody', new_name: 'anybody' }));
        invalid(await post('registered-models/rename', { name: 'new-name' }));
        expect((await getModel('new-name')).name).toBe('new-name');
      });

      it('deletes a model with its versions, tags and aliases; its name can be reused', async () => {
        await createModel('doomed', { tags: [{ key: 'k', value: 'v' }] });
        await createVersion('doomed');
        await createVersion('doomed');
        ok(await post('registered-models/alias', { name: 'doomed', alias: 'prod', version: '1' }));
        expect(ok(await del('registered-models/delete', { name: 'doomed' }))).toEqual({});
        missing(await get('registered-models/get', { name: 'doomed' }));
        missing(await get('model-versions/get', { name: 'doomed', version: '1' }));
        expect(ok(await get('model-versions/search', { filter: "name = 'doomed'" }))).toEqual({});
        missing(await del('registered-models/delete', { name: 'doomed' }));

        expect((await createModel('doomed')).registered_model).not.toHaveProperty('tags');
        expect(await createVersion('doomed')).toBe('1');
        expect(await getModel('doomed')).not.toHaveProperty('aliases');
      });

      it('is mirrored under /ajax-api/2.0/mlflow', async () => {
        const created = await call('POST', '/ajax-api/2.0/mlflow/registered-models/create', { name: 'ajax' });
        expect(created.status).toBe(200);
        expect((await getModel('ajax')).name).toBe('ajax');
        const fetched = await call('GET', '/ajax-api/2.0/mlflow/registered-models/get?name=ajax');
        expect(fetched.json.registered_model.name).toBe('ajax');
        const versions = await call('POST', '/ajax-api/2.0/mlflow/model-versions/create', {
          name: 'ajax',
          source: 'x',
        });
        expect(versions.json.model_version.version).toBe('1');
      });
    });

    describe('model versions', () => {
      it("numbers versions per model in MLflow's shape and never reuses a deleted number", async () => {
        await createModel('numbered');
        const created = ok(
          await post('model-versions/create', {
            name: 'numbered',
            source: 'runs:/abc/model',
            runId: 'abc',
            runLink: 'http://elsewhere/runs/abc',
            modelId: 'm-0123',
            description: 'first',
            tags: [{ key: 'framework', value: 'sklearn' }],
          }),
        );
        expect(created).toEqual({
          model_version: {
            name: 'numbered',
            version: '1',
            creation_timestamp: expect.any(Number),
            last_updated_timestamp: created.model_version.creation_timestamp,
            current_stage: 'None',
            description: 'first',
            source: 'runs:/abc/model',
            run_id: 'abc',
            status: 'READY',
            tags: [{ key: 'framework', value: 'sklearn' }],
            run_link: 'http://elsewhere/runs/abc',
            model_id: 'm-0123',
          },
        });
        expect(await getVersion('numbered', '1')).toEqual(created.model_version);
        expect(await createVersion('numbered')).toBe('2');
        expect(await createVersion('numbered')).toBe('3');
        ok(await del('model-versions/delete', { name: 'numbered', version: '3' }));
        expect(await createVersion('numbered')).toBe('4');
        expect((await getModel('numbered')).last_updated_timestamp).toBeGreaterThan(
          created.model_version.creation_timestamp,
        );
        await createModel('separately-numbered');
        expect(await createVersion('separately-numbered')).toBe('1');
      });

      it('refuses versions of unknown models, without a source or with bad tags, consuming no number', async () => {
        missing(await post('model-versions/create', { name: 'nobody', source: 'x' }));
        await createModel('strict');
        invalid(await post('model-versions/create', { name: 'strict' }));
        invalid(await post('model-versions/create', { name: 'strict', source: '' }));
        invalid(await post('model-versions/create', { source: 'x' }));
        invalid(
          await post('model-versions/create', {
            name: 'strict',
            source: 'x',
            tags: [{ key: 'v', value: 'x'.repeat(100_001) }],
          }),
        );
        expect(await createVersion('strict')).toBe('1');
      });

      it('gets, updates and deletes versions; unknown ones are 404, non-integer numbers 400', async () => {
        await createModel('lifecycle');
        await createVersion('lifecycle', { description: 'before' });
        const updated = ok(
          await patch('model-versions/update', { name: 'lifecycle', version: '1', description: 'after' }),
        );
        expect(updated.model_version.description).toBe('after');
        expect(updated.model_version.last_updated_timestamp).toBeGreaterThan(
          updated.model_version.creation_timestamp,
        );
        // protobuf JSON may carry the version as a number too
        expect(
          ok(await patch('model-versions/update', { name: 'lifecycle', version: 1 })).model_version
            .description,
        ).toBe('after');
        invalid(await get('model-versions/get', { name: 'lifecycle', version: 'one' }));
        invalid(await get('model-versions/get', { name: 'lifecycle', version: '1.0' }));
        invalid(await get('model-versions/get', { name: 'lifecycle' }));
        missing(await get('model-versions/get', { name: 'lifecycle', version: '99' }));
        missing(await get('model-versions/get', { name: 'nobody', version: '1' }));
        missing(await patch('model-versions/update', { name: 'lifecycle', version: '99', description: 'x' }));
        missing(await del('model-versions/delete', { name: 'lifecycle', version: '99' }));
        expect(ok(await del('model-versions/delete', { name: 'lifecycle', version: '1' }))).toEqual({});
        missing(await get('model-versions/get', { name: 'lifecycle', version: '1' }));
        missing(await del('model-versions/delete', { name: 'lifecycle', version: '1' }));
      });

      it('transitions stages, archiving the others in an active stage on request', async () => {
        await createModel('staged');
        for (let i = 0; i < 4; i++) await createVersion('staged');
        const transition = (version: string, stage: string, archive?: boolean) =>
          post('model-versions/transition-stage', {
            name: 'staged',
            version,
            stage,
            ...(archive === undefined ? {} : { archiveExistingVersions: archive }),
          });
        expect(ok(await transition('1', 'Staging', false)).model_version.current_stage).toBe('Staging');
        expect(ok(await transition('2', 'production')).model_version.current_stage).toBe('Production');
        const third = ok(await transition('3', 'PRODUCTION', true)).model_version;
        expect(third.current_stage).toBe('Production');
        expect((await getVersion('staged', '2')).current_stage).toBe('Archived');
        expect((await getVersion('staged', '1')).current_stage).toBe('Staging');
        const latest = (await getModel('staged')).latest_versions;
        expect(
          latest.map((v: { version: string; current_stage: string }) => [v.current_stage, v.version]),
        ).toEqual([
          ['None', '4'],
          ['Staging', '1'],
          ['Production', '3'],
          ['Archived', '2'],
        ]);

        invalid(await transition('4', 'Shipped'));
        invalid(await transition('4', 'Archived', true));
        invalid(await transition('4', 'None', true));
        invalid(await post('model-versions/transition-stage', { name: 'staged', version: '4' }));
        invalid(await transition('4', 'Staging', 'yes' as unknown as boolean));
        missing(await transition('99', 'Staging'));
        expect((await getVersion('staged', '4')).current_stage).toBe('None');
        expect((await getVersion('staged', '3')).current_stage).toBe('Production');
      });

      it('answers get-latest-versions by GET with repeated stages and by POST', async () => {
        await createModel('latest');
        for (let i = 0; i < 4; i++) await createVersion('latest');
        ok(
          await post('model-versions/transition-stage', {
            name: 'latest',
            version: '1',
            stage: 'Staging',
            archive_existing_versions: false,
          }),
        );
        ok(
          await post('model-versions/transition-stage', {
            name: 'latest',
            version: '2',
            stage: 'Production',
            archive_existing_versions: false,
          }),
        );
        const versionsOf = (json: { model_versions?: { version: string }[] }) =>
          (json.model_versions ?? []).map((v) => v.version);
        const byGet = ok(
          await get('registered-models/get-latest-versions', {
            name: 'latest',
            stages: ['production', 'Staging'],
          }),
        );
        expect(versionsOf(byGet)).toEqual(['2', '1']);
        expect(byGet.model_versions[0]).toMatchObject({
          name: 'latest',
          current_stage: 'Production',
          status: 'READY',
        });
        expect(
          versionsOf(
            ok(await post('registered-models/get-latest-versions', { name: 'latest', stages: ['None'] })),
          ),
        ).toEqual(['4']);
        expect(
          versionsOf(ok(await post('registered-models/get-latest-versions', { name: 'latest' }))),
        ).toEqual(['4', '1', '2']);
        expect(
          versionsOf(
            ok(await get('registered-models/get-latest-versions', { name: 'latest', stages: 'Archived' })),
          ),
        ).toEqual([]);
        await createModel('no-versions');
        expect(ok(await get('registered-models/get-latest-versions', { name: 'no-versions' }))).toEqual({});
        missing(await get('registered-models/get-latest-versions', { name: 'nobody' }));
        invalid(await post('registered-models/get-latest-versions', { name: 'latest', stages: ['Retired'] }));
      });

      it("resolves a runs:/ source against the run's artifact root, other sources as they are", async () => {
        const run = ok(await post('runs/create', { experiment_id: '0' })).run;
        await createModel('downloadable');
        const sources = [
          `runs:/${run.info.run_id}/model`,
          `runs:/${run.info.run_id}`,
          'mlflow-artifacts:/0/models/m-abc/artifacts',
          'models:/m-abc',
          `runs:/${'f'.repeat(32)}/model`,
        ];
        for (const source of sources)
          await createVersion('downloadable', { source, run_id: run.info.run_id });
        const uri = async (version: string) =>
          get('model-versions/get-download-uri', { name: 'downloadable', version });
        expect(ok(await uri('1'))).toEqual({ artifact_uri: `${run.info.artifact_uri}/model` });
        expect(ok(await uri('2'))).toEqual({ artifact_uri: run.info.artifact_uri });
        expect(ok(await uri('3'))).toEqual({ artifact_uri: 'mlflow-artifacts:/0/models/m-abc/artifacts' });
        expect(ok(await uri('4'))).toEqual({ artifact_uri: 'models:/m-abc' });
        missing(await uri('5'));
        missing(await uri('6'));
      });
    });

    describe('aliases', () => {
      it('sets, moves, reads and deletes aliases', async () => {
        await createModel('aliased');
        await createVersion('aliased');
        await createVersion('aliased');
        expect(
          ok(await post('registered-models/alias', { name: 'aliased', alias: 'champion', version: '1' })),
        ).toEqual({});
        const byAlias = ok(await get('registered-models/alias', { name: 'aliased', alias: 'champion' }));
        expect(byAlias.model_version).toMatchObject({ name: 'aliased', version: '1', aliases: ['champion'] });
        ok(await post('registered-models/alias', { name: 'aliased', alias: 'champion', version: 2 }));
        ok(await post('registered-models/alias', { name: 'aliased', alias: 'candidate', version: '1' }));
        ok(await post('registered-models/alias', { name: 'aliased', alias: 'production', version: '2' }));
        expect((await getModel('aliased')).aliases).toEqual([
          { alias: 'candidate', version: '1' },
          { alias: 'champion', version: '2' },
          { alias: 'production', version: '2' },
        ]);
        expect((await getVersion('aliased', '2')).aliases).toEqual(['champion', 'production']);
        expect((await getVersion('aliased', '1')).aliases).toEqual(['candidate']);

        expect(ok(await del('registered-models/alias', { name: 'aliased', alias: 'champion' }))).toEqual({});
        invalid(await get('registered-models/alias', { name: 'aliased', alias: 'champion' }));
        expect(ok(await del('registered-models/alias', { name: 'aliased', alias: 'champion' }))).toEqual({});
        expect((await getVersion('aliased', '2')).aliases).toEqual(['production']);
      });

      it('refuses reserved and malformed alias names', async () => {
        await createModel('alias-rules');
        await createVersion('alias-rules');
        const bad = [
          'latest',
          'LaTeSt',
          'v1',
          'V42',
          'has space',
          'dot.ted',
          'slash/ed',
          '',
          'a'.repeat(256),
        ];
        for (const alias of bad) {
          invalid(await post('registered-models/alias', { name: 'alias-rules', alias, version: '1' }));
          invalid(await get('registered-models/alias', { name: 'alias-rules', alias }));
          invalid(await del('registered-models/alias', { name: 'alias-rules', alias }));
        }
        expect(await getModel('alias-rules')).not.toHaveProperty('aliases');
        for (const alias of ['a'.repeat(255), 'v1a', 'version-1', 'latest_v2', '__proto__']) {
          ok(await post('registered-models/alias', { name: 'alias-rules', alias, version: '1' }));
          expect(
            ok(await get('registered-models/alias', { name: 'alias-rules', alias })).model_version.version,
          ).toBe('1');
        }
        invalid(await get('registered-models/alias', { name: 'alias-rules', alias: 'constructor' }));
      });

      it('refuses aliases of unknown models and versions', async () => {
        await createModel('alias-targets');
        missing(
          await post('registered-models/alias', { name: 'alias-targets', alias: 'prod', version: '1' }),
        );
        missing(await post('registered-models/alias', { name: 'nobody', alias: 'prod', version: '1' }));
        invalid(
          await post('registered-models/alias', { name: 'alias-targets', alias: 'prod', version: 'one' }),
        );
        missing(await get('registered-models/alias', { name: 'nobody', alias: 'prod' }));
        missing(await del('registered-models/alias', { name: 'nobody', alias: 'prod' }));
      });

      it('drops the aliases of a deleted version', async () => {
        await createModel('alias-drop');
        await createVersion('alias-drop');
        await createVersion('alias-drop');
        ok(await post('registered-models/alias', { name: 'alias-drop', alias: 'prod', version: '2' }));
        ok(await post('registered-models/alias', { name: 'alias-drop', alias: 'old', version: '1' }));
        ok(await del('model-versions/delete', { name: 'alias-drop', version: '2' }));
        expect((await getModel('alias-drop')).aliases).toEqual([{ alias: 'old', version: '1' }]);
        invalid(await get('registered-models/alias', { name: 'alias-drop', alias: 'prod' }));
      });
    });

    describe('tags', () => {
      it('sets, overwrites and deletes registered model tags', async () => {
        await createModel('tagged');
        expect(
          ok(await post('registered-models/set-tag', { name: 'tagged', key: 'team', value: 'a' })),
        ).toEqual({});
        ok(await post('registered-models/set-tag', { name: 'tagged', key: 'team', value: 'b' }));
        ok(await post('registered-models/set-tag', { name: 'tagged', key: 'empty', value: '' }));
        expect((await getModel('tagged')).tags).toEqual([
          { key: 'empty', value: '' },
          { key: 'team', value: 'b' },
        ]);
        expect(ok(await del('registered-models/delete-tag', { name: 'tagged', key: 'team' }))).toEqual({});
        ok(await del('registered-models/delete-tag', { name: 'tagged', key: 'never-set' }));
        expect((await getModel('tagged')).tags).toEqual([{ key: 'empty', value: '' }]);
      });

      it('sets and deletes model version tags', async () => {
        await createModel('version-tagged');
        await createVersion('version-tagged');
        expect(
          ok(
            await post('model-versions/set-tag', {
              name: 'version-tagged',
              version: '1',
              key: 'validated',
              value: 'yes',
            }),
          ),
        ).toEqual({});
        expect((await getVersion('version-tagged', '1')).tags).toEqual([{ key: 'validated', value: 'yes' }]);
        expect(
          ok(
            await del('model-versions/delete-tag', {
              name: 'version-tagged',
              version: '1',
              key: 'validated',
            }),
          ),
        ).toEqual({});
        expect(await getVersion('version-tagged', '1')).not.toHaveProperty('tags');
        ok(
          await del('model-versions/delete-tag', { name: 'version-tagged', version: '1', key: 'never-set' }),
        );
      });

      it('enforces the key rules and the 100,000-character value limit, changing nothing', async () => {
        await createModel('tag-limits');
        await createVersion('tag-limits');
        const attempts = [
          { key: 'k'.repeat(251), value: 'v' },
          { key: 'bad key!', value: 'v' },
          { key: '', value: 'v' },
          { value: 'v' },
          { key: 'big', value: 'v'.repeat(100_001) },
        ];
        for (const tag of attempts) {
          invalid(await post('registered-models/set-tag', { name: 'tag-limits', ...tag }));
          invalid(await post('model-versions/set-tag', { name: 'tag-limits', version: '1', ...tag }));
        }
        invalid(await del('registered-models/delete-tag', { name: 'tag-limits', key: 'bad key!' }));
        invalid(await del('model-versions/delete-tag', { name: 'tag-limits', version: '1' }));
        expect(await getModel('tag-limits')).not.toHaveProperty('tags');
        expect(await getVersion('tag-limits', '1')).not.toHaveProperty('tags');
        ok(
          await post('registered-models/set-tag', {
            name: 'tag-limits',
            key: 'k'.repeat(250),
            value: 'v'.repeat(100_000),
          }),
        );
        ok(
          await post('model-versions/set-tag', {
            name: 'tag-limits',
            version: '1',
            key: '__proto__',
            value: 'kept',
          }),
        );
        expect((await getVersion('tag-limits', '1')).tags).toEqual([{ key: '__proto__', value: 'kept' }]);
      });

      it('refuses tags on unknown models and versions', async () => {
        missing(await post('registered-models/set-tag', { name: 'nobody', key: 'k', value: 'v' }));
        missing(await del('registered-models/delete-tag', { name: 'nobody', key: 'k' }));
        await createModel('tag-targets');
        missing(
          await post('model-versions/set-tag', { name: 'tag-targets', version: '1', key: 'k', value: 'v' }),
        );
        missing(await del('model-versions/delete-tag', { name: 'tag-targets', version: '1', key: 'k' }));
      });
    });

    describe('search', () => {
      beforeAll(async () => {
        for (const [name, team] of [
          ['zoo-b', 'vision'],
          ['zoo-a', 'nlp'],
          ['zoo-c', 'vision'],
        ] as const) {
          await createModel(name, { tags: [{ key: 'team', value: team }] });
        }
        await createVersion('zoo-a', { source: 'runs:/r1/model', run_id: 'r1' });
        await createVersion('zoo-a', {
          source: 'runs:/r2/model',
          run_id: 'r2',
          tags: [{ key: 'ok', value: 'yes' }],
        });
        await createVersion('zoo-b', { source: 'mlflow-artifacts:/0/x', run_id: 'r3' });
        await createVersion('zoo-c', { source: 's3://bucket/c' });
      });
      const names = (json: { registered_models?: { name: string }[] }) =>
        (json.registered_models ?? []).map((m) => m.name);
      const versionIds = (json: { model_versions?: { name: string; version: string }[] }) =>
        (json.model_versions ?? []).map((v) => `${v.name}/${v.version}`);

      it('filters and orders registered models (name by default)', async () => {
        const search = async (query: Record<string, string | string[]>) =>
          names(ok(await get('registered-models/search', query)));
        expect(await search({ filter: "name LIKE 'zoo-%'" })).toEqual(['zoo-a', 'zoo-b', 'zoo-c']);
        expect(await search({ filter: "name ILIKE 'ZOO-%' AND tags.team = 'vision'" })).toEqual([
          'zoo-b',
          'zoo-c',
        ]);
        expect(await search({ filter: "name = 'zoo-a' OR tags.team != 'nlp' AND name LIKE 'zoo%'" })).toEqual(
          ['zoo-a', 'zoo-b', 'zoo-c'],
        );
        expect(await search({ filter: "name LIKE 'zoo-%'", order_by: 'name DESC' })).toEqual([
          'zoo-c',
          'zoo-b',
          'zoo-a',
        ]);
        // Created b, a, c; then versions of a, b, c, each updating its model.
        expect(await search({ filter: "name LIKE 'zoo-%'", order_by: ['creation_timestamp DESC'] })).toEqual([
          'zoo-c',
          'zoo-a',
          'zoo-b',
        ]);
        expect(
          await search({ filter: "name LIKE 'zoo-%'", order_by: ['last_updated_timestamp DESC', 'name'] }),
        ).toEqual(['zoo-c', 'zoo-b', 'zoo-a']);
        expect(ok(await get('registered-models/search', { filter: "name = 'no-such-model'" }))).toEqual({});
        const found = ok(await get('registered-models/search', { filter: "name = 'zoo-a'" }))
          .registered_models[0];
        expect(found).toEqual(await getModel('zoo-a'));
      });

      it('pages registered models with tokens, up to 1000 a page', async () => {
        const query = { filter: "name LIKE 'zoo-%'", max_results: '2' };
        const first = ok(await get('registered-models/search', query));
        expect(names(first)).toEqual(['zoo-a', 'zoo-b']);
        expect(first.next_page_token).toEqual(expect.any(String));
        const second = ok(
          await get('registered-models/search', { ...query, page_token: first.next_page_token }),
        );
        expect(names(second)).toEqual(['zoo-c']);
        expect(second).not.toHaveProperty('next_page_token');
        ok(await get('registered-models/search', { max_results: '1000' }));
        invalid(await get('registered-models/search', { max_results: '1001' }));
        invalid(await get('registered-models/search', { max_results: '0' }));
        invalid(await get('registered-models/search', { max_results: 'many' }));
      });

      it('refuses bad filters, order_by clauses and page tokens', async () => {
        for (const filter of ["name = 'a", 'name =', "run_id = 'x'", 'metrics.acc > 1']) {
          invalid(await get('registered-models/search', { filter }));
        }
        for (const orderBy of ['nope', 'name SIDEWAYS', 'tags.team']) {
          invalid(await get('registered-models/search', { order_by: orderBy }));
        }
        invalid(await get('registered-models/search', { order_by: ['name', 'name DESC'] }));
        for (const token of ['%%%', btoa('not json'), btoa('{"offset": -1}')]) {
          invalid(await get('registered-models/search', { page_token: token }));
          invalid(await get('model-versions/search', { page_token: token }));
        }
      });

      it('filters, orders and pages model versions', async () => {
        const search = async (query: Record<string, string | string[]>) =>
          versionIds(ok(await get('model-versions/search', query)));
        expect(await search({ filter: "name = 'zoo-a'" })).toEqual(['zoo-a/2', 'zoo-a/1']);
        expect(await search({ filter: "run_id IN ('r1', 'r3')", order_by: 'name' })).toEqual([
          'zoo-a/1',
          'zoo-b/1',
        ]);
        expect(await search({ filter: "name LIKE 'zoo-%' AND version_number > 1" })).toEqual(['zoo-a/2']);
        expect(await search({ filter: "tags.ok = 'yes'" })).toEqual(['zoo-a/2']);
        expect(
          await search({
            filter: "source_path LIKE 'runs:/%' AND name LIKE 'zoo-%'",
            order_by: ['version_number'],
          }),
        ).toEqual(['zoo-a/1', 'zoo-a/2']);
        expect(await search({ filter: "name LIKE 'zoo-%' AND run_id IS NULL" })).toEqual(['zoo-c/1']);
        expect(await search({ filter: "name LIKE 'zoo-%'" })).toEqual([
          'zoo-c/1',
          'zoo-b/1',
          'zoo-a/2',
          'zoo-a/1',
        ]);
        const first = ok(
          await get('model-versions/search', { filter: "name LIKE 'zoo-%'", max_results: '3' }),
        );
        expect(versionIds(first)).toEqual(['zoo-c/1', 'zoo-b/1', 'zoo-a/2']);
        const rest = ok(
          await get('model-versions/search', {
            filter: "name LIKE 'zoo-%'",
            max_results: '3',
            page_token: first.next_page_token,
          }),
        );
        expect(versionIds(rest)).toEqual(['zoo-a/1']);
        expect(rest).not.toHaveProperty('next_page_token');
        expect(ok(await get('model-versions/search', { filter: "name = 'nobody'" }))).toEqual({});
        ok(await get('model-versions/search', { max_results: '200000' }));
        invalid(await get('model-versions/search', { max_results: '200001' }));
        invalid(await get('model-versions/search', { filter: "stage = 'None'" }));
        invalid(await get('model-versions/search', { order_by: 'run_id' }));
      });
    });
  });
}
