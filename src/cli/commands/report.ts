import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { clientOptions } from '../client-options.js';
import { resolveProject } from '../refs.js';
import type { TargetOptions } from '../target.js';
import { withClient } from '../target.js';

interface ReportOptions extends TargetOptions {
  format: 'html' | 'md';
  output?: string;
}

export function registerReport(program: Command): void {
  clientOptions(
    program
      .command('report [project]')
      .description('write a self-contained report: baseline, noise, status, progress chart, notebook')
      .addOption(new Option('--format <format>', 'html or md').choices(['html', 'md']).default('html'))
      .option('-o, --output <file>', 'where to write it ("-" for stdout; default <project>-report.<format>)'),
    { json: false },
  ).action(async (ref: string | undefined, o: ReportOptions) => {
    const { name, text } = await withClient(o, async (client) => {
      const project = await resolveProject(client, ref);
      return { name: project.name, text: await client.projects.report({ id: project.id }, o.format) };
    });
    if (o.output === '-') {
      process.stdout.write(text);
      return;
    }
    const file = o.output ?? `${name.replace(/[^\w.-]+/g, '_')}-report.${o.format}`;
    writeFileSync(file, text);
    process.stdout.write(`${file}\n`);
  });
}
