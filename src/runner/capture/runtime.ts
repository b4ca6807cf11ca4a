import { runProcess } from './run-process.js';

export interface Runtimes {
  node: string;
  /** null when neither python3 nor python is on PATH. */
  python: string | null;
}

const PYTHON_VERSION = /Python (\S+)/;

/**
 * Node's version, and Python's as the command would find it from `cwd` (pyenv and friends pick it per
 * folder). `python` is asked only when `python3` is missing or fails: asking both at once cost 30–60% more
 * wall time on a busy 2-core machine, where a pyenv shim alone takes 100–300 ms, and a missing program fails
 * in about a millisecond.
 */
export async function probeRuntimes(
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Runtimes> {
  const ask = async (program: string): Promise<string | null> => {
    const result = await runProcess(program, ['--version'], { cwd, env, timeoutMs, maxOutputBytes: 1024 });
    if (result.outcome !== 'exited' || result.exitCode !== 0) return null;
    // Python 2 prints its version on stderr.
    const match = PYTHON_VERSION.exec(`${result.stdout.toString('utf8')}\n${result.stderr}`);
    return match?.[1] ?? null;
  };
  const python = (await ask('python3')) ?? (await ask('python'));
  return { node: process.versions.node, python };
}
