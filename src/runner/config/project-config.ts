import type { Direction } from '../../sdk/index.js';
import type { DataInput } from '../capture/capture.js';

/** A project's config as the runner uses it: every default filled in, paths absolute. */
export interface ProjectConfig {
  /** The file it came from (absolute), for messages. */
  file: string;
  /** The file's folder: runs start there and data paths are relative to it. */
  dir: string;
  project: string;
  /** argv template, `{seed}` and `{<param>}` not yet expanded. */
  command: string[];
  /** Default params, as strings. */
  params: Record<string, string>;
  data: DataInput[];
  seeds: number;
  parallel: number;
  metric?: string;
  direction?: Direction;
  features: string[];
}
