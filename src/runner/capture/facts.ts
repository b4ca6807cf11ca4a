import type { DataInput } from './capture-types.js';
import type { GitState } from './git.js';
import type { Host } from './host.js';
import type { Runtimes } from './runtime.js';

/** Everything capture found, before it is written down as tags and artifacts. */
export interface CaptureFacts {
  command: readonly string[];
  cwd: string;
  git: GitState | null;
  data: (DataInput & { fingerprint: string })[];
  lockFiles: Record<string, string>;
  runtimes: Runtimes;
  host: Host;
  envVars: Record<string, string>;
  warnings: string[];
}
