import { formatHours } from '../core/format.js';
import type { RunnerOutput } from '../runner/execute/output.js';
import type { RunOutcome, RunPlan } from '../runner/plan.js';

interface Streams {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

/**
 * What people see while runs execute: each child's lines with a prefix naming its run, and the tally
 * (done / running / failed, ETA) — redrawn in place on a terminal, as plain lines elsewhere (logs, CI).
 */
export function terminalOutput(
  total: number,
  parallel: number,
  {
    quiet = false,
    streams = { out: process.stdout, err: process.stderr },
  }: { quiet?: boolean; streams?: Streams } = {},
): RunnerOutput & { close(): void } {
  const live = streams.err.isTTY === true;
  const started = Date.now();
  let running = 0;
  let finished = 0;
  let failed = 0;
  let statusShown = false;
  let busyMs = 0;

  const prefix = (plan: RunPlan) =>
    `[${plan.trial?.label ?? 'run'}${plan.seed === undefined ? '' : ` seed ${plan.seed}`}]`;
  const status = () => {
    const done = finished + failed;
    const eta =
      done === 0 ? '' : `  ETA ${duration(((busyMs / done) * (total - done)) / Math.max(1, parallel))}`;
    return `${done}/${total} done · ${running} running · ${failed} failed · ${duration(Date.now() - started)}${eta}`;
  };
  const clearStatus = () => {
    if (statusShown) streams.err.write('\r\x1b[2K');
    statusShown = false;
  };
  const drawStatus = () => {
    if (!live) return;
    streams.err.write(`\r\x1b[2K${status()}`);
    statusShown = true;
  };
  const say = (stream: NodeJS.WriteStream, text: string) => {
    clearStatus();
    stream.write(`${text}\n`);
    drawStatus();
  };
  const timer = live ? setInterval(drawStatus, 1_000) : undefined;
  timer?.unref();

  return {
    started(plan, runId) {
      running++;
      say(streams.err, `${prefix(plan)} run ${runId} started`);
    },
    line(plan, stream, text) {
      if (!quiet) say(stream === 'stdout' ? streams.out : streams.err, `${prefix(plan)} ${text}`);
    },
    ended(outcome: RunOutcome) {
      if (outcome.runId !== null) running--;
      if (outcome.status === 'FINISHED') finished++;
      else failed++;
      busyMs += outcome.durationMs;
      const why = outcome.error === undefined ? '' : ` (${outcome.error})`;
      say(
        streams.err,
        `${prefix(outcome.plan)} run ${outcome.runId ?? '(none)'} ${outcome.status}${why} in ${duration(outcome.durationMs)}` +
          (live ? '' : ` · ${status()}`),
      );
    },
    note(text) {
      say(streams.err, text);
    },
    close() {
      if (timer !== undefined) clearInterval(timer);
      clearStatus();
    },
  };
}

function duration(ms: number): string {
  return formatHours(ms / 3_600_000);
}
