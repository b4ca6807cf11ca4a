import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { invalidParameter } from '../../core/errors.js';
import { type ConfigFile, configFileSchema } from './schema.js';

/**
 * A config file parsed (JSON, or YAML by its extension) and validated. `shownAs` is how messages name the file;
 * every problem is named with its field.
 */
export function readConfigFile(file: string, shownAs: string): ConfigFile {
  const text = readFileSync(file, 'utf8');
  const isYaml = /\.ya?ml$/i.test(file);
  let raw: unknown;
  try {
    raw = isYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw invalidParameter(`${shownAs}: not valid ${isYaml ? 'YAML' : 'JSON'}: ${reason}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw invalidParameter(`${shownAs}: ${issuesText(parsed.error.issues)}`);
  return parsed.data;
}

function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field === '' ? issue.message : `${field}: ${issue.message}`;
    })
    .join('; ');
}
