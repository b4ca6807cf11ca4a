import type { Command } from 'commander';
import { formatDate } from '../../core/format.js';
import type { Project } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { show, table } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';
import { settingsLines } from './settings.js';
import { type SettingsFlags, settingsChanges, settingsOptions } from './settings-options.js';

interface CreateOptions extends ClientOptions, SettingsFlags {
  description?: string;
}

export function registerProject(program: Command): void {
  const project = program
    .command('project')
    .description('projects: create, list, show, rename, delete, restore');

  clientOptions(
    settingsOptions(
      project
        .command('create <name>')
        .description('create a project (and a .ratchet/ store here, when there is none to point at)')
        .option('--description <text>', 'what the project is about'),
    ),
  ).action(async (name: string, o: CreateOptions) => {
    const { created, settings } = await withClient(
      o,
      async (client) => {
        const { primaryMetric, direction, ...rest } = settingsChanges(o);
        const created = await client.projects.create({
          name,
          ...(o.description === undefined ? {} : { description: o.description }),
          ...(primaryMetric == null ? {} : { primaryMetric }),
          ...(direction == null ? {} : { direction }),
          ...rest,
        });
        return { created, settings: await client.projects.settings({ id: created.id }) };
      },
      { create: true },
    );
    show(
      {
        json: created,
        text: () => [`project ${created.name} (id ${created.id})`, ...settingsLines(settings)],
      },
      o,
    );
  });

  clientOptions(
    project
      .command('list')
      .alias('ls')
      .description('list projects')
      .option('--all', 'include deleted projects')
      .option('--deleted', 'only deleted projects'),
  ).action((o: ClientOptions & { all?: boolean; deleted?: boolean }) =>
    listProjects(o, o.all ? 'all' : o.deleted ? 'deleted' : 'active'),
  );

  clientOptions(
    project.command('show [project]').description('a project: its settings and where it stands'),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const shown = await withClient(o, async (client) => {
      const found = await resolveProject(client, ref);
      return { project: found, settings: await client.projects.settings({ id: found.id }) };
    });
    show({ json: shown, text: () => [...projectLines(shown.project), ...settingsLines(shown.settings)] }, o);
  });

  clientOptions(project.command('rename <project> <new-name>').description('rename a project')).action(
    async (ref: string, name: string, o: ClientOptions) => {
      const renamed = await withClient(o, async (client) =>
        client.projects.update({ id: (await resolveProject(client, ref)).id }, { name }),
      );
      show({ json: renamed, text: () => `project ${renamed.id} is now ${renamed.name}` }, o);
    },
  );

  for (const [verb, description] of [
    ['delete', 'delete a project with its runs (restore brings both back)'],
    ['restore', 'restore a deleted project'],
  ] as const) {
    clientOptions(project.command(`${verb} <project>`).description(description)).action(
      async (ref: string, o: ClientOptions) => {
        const done = await withClient(o, async (client) => {
          const found = await resolveProject(client, ref);
          await client.projects[verb]({ id: found.id });
          return client.projects.get({ id: found.id });
        });
        show({ json: done, text: () => `project ${done.name} is ${done.lifecycle_stage}` }, o);
      },
    );
  }

  // The short form scripts and the README have used: `ratchet projects`.
  clientOptions(
    program.command('projects', { hidden: true }).option('--all', 'include deleted projects'),
  ).action((o: ClientOptions & { all?: boolean }) => listProjects(o, o.all ? 'all' : 'active'));
}

async function listProjects(o: ClientOptions, view: 'active' | 'deleted' | 'all'): Promise<void> {
  const projects = await withClient(o, (client) => client.projects.list({ view }));
  show({ json: projects, text: () => projectTable(projects) }, o);
}

function projectTable(projects: Project[]): string {
  return table(
    ['ID', 'NAME', 'METRIC', 'CREATED', 'STAGE'],
    projects.map((p) => [
      p.id,
      p.name,
      p.primary_metric ? `${p.primary_metric} (${p.direction ?? '?'})` : '',
      formatDate(p.creation_time),
      p.lifecycle_stage,
    ]),
  );
}

function projectLines(p: Project): string[] {
  return [
    `project            ${p.name}  (id ${p.id}${p.lifecycle_stage === 'deleted' ? ', deleted' : ''})`,
    ...(p.description ? [`description        ${p.description}`] : []),
    `created            ${formatDate(p.creation_time)}`,
  ];
}
