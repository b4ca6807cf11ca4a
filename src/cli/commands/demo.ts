import { join } from 'node:path';
import type { Command } from 'commander';
import { Ratchet } from '../../sdk/index.js';
import { runExperiments } from '../demo/experiments.js';
import { Progress } from '../demo/progress.js';
import { runServedLoop } from '../demo/serving.js';
import { phaseLines, summaryLines } from '../demo/summary.js';
import { prepareWorkDir } from '../demo/work-dir.js';
import { integerOption } from '../option-parsers.js';
import { closeOnSignals } from '../server-store.js';

interface DemoOptions {
  quick?: boolean;
  exit?: boolean;
  port: number;
  dir?: string;
}

const PROJECT = 'seattle-weather';
const MODEL = 'seattle-weather';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'the whole loop on real data (Seattle weather): a baseline, single changes judged against it, the best ' +
        'model served, its predictions labelled, a retraining judged against production — then the UI stays up',
    )
    .option('--quick', 'fewer seeds and epochs (what the tests run)')
    .option('--exit', 'stop once the summary is printed instead of serving until Ctrl-C')
    .option(
      '--port <port>',
      'port to serve on (0 picks a free one; a taken one falls back to a free one)',
      integerOption('--port', 0, 65535),
      5000,
    )
    .option('--dir <dir>', 'an empty folder to copy the example project into (default: a new temporary one)')
    .action(async (o: DemoOptions) => {
      const dir = prepareWorkDir(o.dir, o.quick ?? false);
      const store = join(dir, '.ratchet', 'ratchet.db');
      // Loaded only here, so client commands never load the server and its database drivers.
      const { startServer } = await import('../../server/start-server.js');
      const options = {
        host: '127.0.0.1',
        port: o.port,
        store,
        artifacts: join(dir, '.ratchet', 'artifacts'),
        runModelCode: true,
      };
      const server = await startServer(options).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE') throw error;
        return startServer({ ...options, port: 0 });
      });
      const say = (line: string) => process.stdout.write(`${line}\n`);
      try {
        say(`Ratchet is serving ${server.url} on a fresh store in ${dir}`);
        say(
          `Project ${PROJECT}: which weather a Seattle day had (train 2012–13, judge on 2014, serve 2015)\n`,
        );
        const target = { cwd: dir, uri: server.url };
        const progress = new Progress(say);
        const trials = await runExperiments(target, PROJECT, progress, o.quick ? 3 : 10);
        const served = await runServedLoop(
          new Ratchet({ uri: server.url }),
          target,
          { project: PROJECT, model: MODEL },
          progress,
        );
        say('');
        for (const line of [...summaryLines(trials, served, MODEL), ...phaseLines(progress.phases)])
          say(line);
        say('');
        say(`The web UI:        ${server.url}/projects/${PROJECT}`);
        say(`The lab notebook:  npx ratchet log ${PROJECT} --uri ${server.url}`);
        say(`The store:         ${store}  (later: npx ratchet server --store ${store})`);
      } catch (error) {
        await server.close();
        throw error;
      }
      if (o.exit) {
        await server.close();
        return;
      }
      say(`\nStill serving on ${server.url} — Ctrl-C to stop.`);
      closeOnSignals(server);
    });
}
