import { invalidParameter } from '../../core/errors.js';
import type { Distribution, GridAxis, RandomAxis } from './search-space.js';

const NAME = /^[A-Za-z_][\w.-]*$/;

/** `lr=0.1,0.01` → the values lr takes, in the order given. */
export function parseGridAxis(spec: string): GridAxis {
  const { name, body } = splitAxis(spec, '--grid', 'lr=0.1,0.01');
  const values = listOf(body);
  if (values.some((value) => value === '')) {
    throw invalidParameter(`--grid ${spec}: an empty value; list them as ${name}=a,b,c.`);
  }
  if (new Set(values).size !== values.length) {
    throw invalidParameter(`--grid ${spec}: a value is listed twice.`);
  }
  return { name, values };
}

const DISTRIBUTION = /^(uniform|loguniform|int|choice)\((.*)\)$/;

/** `wd=loguniform(1e-5,1e-2)`, `x=uniform(0,1)`, `layers=int(2,6)`, `act=choice(relu,gelu)`. */
export function parseRandomAxis(spec: string): RandomAxis {
  const example = 'wd=loguniform(1e-5,1e-2)';
  const { name, body } = splitAxis(spec, '--random', example);
  const match = DISTRIBUTION.exec(body.replace(/\s+/g, ''));
  if (!match) {
    throw invalidParameter(
      `--random ${spec}: expected uniform(a,b), loguniform(a,b), int(a,b) or choice(a,b,…), e.g. ${example}.`,
    );
  }
  return { name, distribution: distribution(spec, match[1]!, listOf(match[2]!)) };
}

function distribution(spec: string, kind: string, args: string[]): Distribution {
  if (kind === 'choice') {
    if (args.length < 2 || args.some((a) => a === '') || new Set(args).size !== args.length) {
      throw invalidParameter(`--random ${spec}: choice needs two or more distinct values.`);
    }
    return { kind, values: args };
  }
  const bounds = args.map(Number);
  const [low, high] = bounds;
  if (bounds.length !== 2 || low === undefined || high === undefined || !bounds.every(Number.isFinite)) {
    throw invalidParameter(`--random ${spec}: ${kind} needs two numbers, low and high.`);
  }
  if (!(low < high)) throw invalidParameter(`--random ${spec}: low must be below high.`);
  if (kind === 'loguniform' && low <= 0) {
    throw invalidParameter(`--random ${spec}: loguniform needs a low bound above 0.`);
  }
  if (kind === 'int' && !(Number.isInteger(low) && Number.isInteger(high))) {
    throw invalidParameter(`--random ${spec}: int needs integer bounds.`);
  }
  return { kind: kind as 'uniform' | 'loguniform' | 'int', low, high };
}

function splitAxis(spec: string, option: string, example: string): { name: string; body: string } {
  const eq = spec.indexOf('=');
  const name = spec.slice(0, Math.max(eq, 0)).trim();
  const body = spec.slice(eq + 1).trim();
  if (eq <= 0 || !NAME.test(name) || body === '') {
    throw invalidParameter(`${option} ${spec}: expected <param>=…, e.g. ${option} ${example}.`);
  }
  return { name, body };
}

function listOf(body: string): string[] {
  return body.split(',').map((part) => part.trim());
}
