import type { Command } from 'commander';
import { integerOption, positiveNumber } from './option-parsers.js';

export interface AdmissionFlags {
  maxInflightMb?: number;
  maxConcurrentHeavy?: number;
  maxArtifactMb?: number;
  maxRunArtifactsMb?: number;
  minFreeDiskMb?: number;
}

const MIB = 2 ** 20;

/**
 * `--max-inflight-mb` and `--max-concurrent-heavy` (admission control), and with `artifacts` the artifact
 * upload limits, for the commands that start a server.
 */
export function addAdmissionOptions(command: Command, { artifacts }: { artifacts: boolean }): Command {
  command
    .option(
      '--max-inflight-mb <mb>',
      'request bytes the server holds at once before answering 503 with Retry-After (default 256)',
      positiveNumber,
    )
    .option(
      '--max-concurrent-heavy <n>',
      'batch ingests, predictions, searches and artifact uploads handled at once; more wait their turn (up to ' +
        '5 s) before 429 with Retry-After (default 8 per core, at least 32)',
      integerOption('--max-concurrent-heavy', 1, 1_000_000),
    );
  if (!artifacts) return command;
  return command
    .option('--max-artifact-mb <mb>', 'largest artifact file accepted (default 5120)', positiveNumber)
    .option(
      '--max-run-artifacts-mb <mb>',
      "largest total of one run's artifact files (default 51200)",
      positiveNumber,
    )
    .option(
      '--min-free-disk-mb <mb>',
      'free space an artifact upload must leave on the artifact volume (default 1024)',
      integerOption('--min-free-disk-mb', 0, 2 ** 40),
    );
}

/** The flags as the server takes them (in bytes; unset flags keep the server's defaults). */
export function admissionOf(o: AdmissionFlags) {
  return {
    admission: {
      ...bytes('maxInflightBytes', o.maxInflightMb),
      ...(o.maxConcurrentHeavy === undefined ? {} : { maxConcurrentHeavy: o.maxConcurrentHeavy }),
    },
    artifactLimits: {
      ...bytes('maxArtifactBytes', o.maxArtifactMb),
      ...bytes('maxRunArtifactBytes', o.maxRunArtifactsMb),
      ...bytes('minFreeDiskBytes', o.minFreeDiskMb),
    },
  };
}

function bytes<K extends string>(key: K, mb: number | undefined): { [key in K]?: number } {
  return mb === undefined ? {} : ({ [key]: Math.round(mb * MIB) } as { [key in K]: number });
}
