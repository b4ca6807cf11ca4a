import { z } from 'zod';
import { direction, projectName } from '../../contract/wire.js';

/** A param's default: numbers and booleans are welcome in the file and kept as strings, as runs log them. */
const paramValue = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a string, a number or a boolean' })
  .transform(String);

const name = z.string().min(1, 'must not be empty').max(250);

/** `ratchet.json` / `ratchet.yaml` as written: strict, so a misspelt field is an error rather than ignored. */
export const configFileSchema = z.strictObject({
  project: projectName,
  /** A command line (split as a shell would) or an argv array; `{seed}` and `{<param>}` are filled per run. */
  command: z.union([z.string().trim().min(1, 'must not be empty'), z.array(z.string()).min(1)], {
    error: 'expected a command line or an array of arguments',
  }),
  params: z.record(name, paramValue).default({}),
  /** Data set name → file or folder, relative to the config file's folder. */
  data: z.record(name, z.string().min(1, 'must not be empty')).default({}),
  seeds: z.int().min(1).max(1000).default(5),
  /** Runs at once (default: the machine's CPU count). */
  parallel: z.int().min(1).max(1000).optional(),
  /** The project's primary metric and direction, used when the project is created. */
  metric: z.string().min(1).max(250).optional(),
  direction: direction.optional(),
  features: z.array(name).default([]),
});

export type ConfigFile = z.output<typeof configFileSchema>;
