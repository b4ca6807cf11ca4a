#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { isRatchetError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCompare } from './commands/compare.js';
import { registerLog } from './commands/log.js';
import { registerProjects } from './commands/projects.js';
import { registerReport } from './commands/report.js';
import { registerRuns } from './commands/runs.js';
import { registerServer } from './commands/server.js';
import { registerSettings } from './commands/settings.js';
import { registerShow } from './commands/show.js';
import { registerStatus } from './commands/status.js';
import { registerTrial } from './commands/trial.js';

const program = new Command('ratchet')
  .description('Ratchet: experiment tracking that makes the disciplined way the easy way')
  .version(VERSION)
  .exitOverride();

registerServer(program);
registerProjects(program);
registerRuns(program);
registerShow(program);
registerTrial(program);
registerBaseline(program);
registerCompare(program);
registerLog(program);
registerReport(program);
registerStatus(program);
registerSettings(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

/** Every failure is one line on stderr and a non-zero exit; the stack is for bugs, not for bad input. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode; // commander already printed its message
  const message = isRatchetError(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`ratchet: ${message.split('\n')[0]}\n`);
  if (!isRatchetError(error) && process.env.RATCHET_DEBUG) console.error(error);
  return 1;
}
