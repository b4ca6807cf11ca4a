import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type ReportFormat, renderReport } from '../../tracking/trials/report/render.js';
import { reportDocument } from '../../tracking/trials/report/report-document.js';
import { type StoreOption, withServices } from '../context.js';
import { resolveProject } from '../project-ref.js';

export function registerReport(program: Command): void {
  program
    .command('report [project]')
    .description('write a self-contained report: baseline, noise, status, progress chart, notebook')
    .addOption(new Option('--format <format>', 'md or html').choices(['md', 'html']).default('html'))
    .option('-o, --output <file>', 'where to write it ("-" for stdout; default <project>-report.<format>)')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .action(
      async (projectRef: string | undefined, o: StoreOption & { format: ReportFormat; output?: string }) => {
        const { name, text } = await withServices(o, async (s) => {
          const project = await resolveProject(s, projectRef);
          const data = await s.record.report(project.id);
          return { name: project.name, text: renderReport(reportDocument(data), o.format) };
        });
        if (o.output === '-') {
          process.stdout.write(text);
          return;
        }
        const file = o.output ?? `${name.replace(/[^\w.-]+/g, '_')}-report.${o.format}`;
        writeFileSync(file, text);
        process.stdout.write(`${file}\n`);
      },
    );
}
