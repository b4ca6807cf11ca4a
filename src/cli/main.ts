#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { isRatchetError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { isHTTPError, isNetworkError, isTimeoutError } from '../sdk/index.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCompare } from './commands/compare.js';
import { registerDemo } from './commands/demo.js';
import { registerDiff } from './commands/diff.js';
import { registerFeedback } from './commands/feedback.js';
import { registerLog } from './commands/log.js';
import { registerModel } from './commands/model.js';
import { registerPredictions } from './commands/predictions.js';
import { registerProject } from './commands/project.js';
import { registerReport } from './commands/report.js';
import { registerReproduce } from './commands/reproduce.js';
import { registerRetrain } from './commands/retrain.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerServe } from './commands/serve.js';
import { registerServer } from './commands/server.js';
import { registerSettings } from './commands/settings.js';
import { registerShow } from './commands/show.js';
import { registerSpool } from './commands/spool.js';
import { registerStatus } from './commands/status.js';
import { registerSweep } from './commands/sweep.js';
import { registerToken } from './commands/token.js';
import { registerTrial } from './commands/trial.js';
import { registerTry } from './commands/try.js';
import { registerWorker } from './commands/worker.js';

const program = new Command('ratchet')
  .description(
    'Ratchet: experiment tracking that makes the disciplined way the easy way.\n' +
      'Commands talk to a server (--uri, or $RATCHET_TRACKING_URI) or to a store served in-process\n' +
      '(--store, or the nearest .ratchet/ from here upwards).',
  )
  .version(VERSION)
  .exitOverride();

registerServer(program);
registerServe(program);
registerProject(program);
registerRun(program);
registerRuns(program);
registerShow(program);
registerTrial(program);
registerTry(program);
registerBaseline(program);
registerCompare(program);
registerDiff(program);
registerSweep(program);
registerReproduce(program);
registerLog(program);
registerReport(program);
registerStatus(program);
registerSettings(program);
registerWorker(program);
registerPredictions(program);
registerRetrain(program);
registerFeedback(program);
registerModel(program);
registerDemo(program);
registerToken(program);
registerSpool(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

/** Every failure is one line on stderr and a non-zero exit; the stack is for bugs, not for bad input. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode; // commander already printed its message
  process.stderr.write(`ratchet: ${messageOf(error).split('\n')[0]}\n`);
  if (process.env.RATCHET_DEBUG) console.error(error);
  return 1;
}

function messageOf(error: unknown): string {
  if (isHTTPError(error)) return error.body.message ?? error.message;
  if (isNetworkError(error)) {
    const cause = (error.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
    const reason = cause?.code ?? cause?.message ?? error.message;
    return `cannot reach the server (${reason}); is \`ratchet server\` running there?`;
  }
  if (isTimeoutError(error) || isRatchetError(error) || error instanceof Error) return error.message;
  return String(error);
}
