import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '../databases.js';
import { type DatabaseSnapshot, snapshotDatabase } from '../db-snapshot.js';
import { jsonOr } from '../json.js';
import { startServerProcess } from '../processes.js';
import type { HostileRequest } from './hostile-request.js';

export interface Reply {
  status: number;
  contentType: string;
  text: string;
}

/**
 * `ratchet server` in a process of its own over a fresh database, so that a crash shows as a dead process
 * rather than a dead test runner; `refuses` sends one hostile request and throws unless it is refused as
 * the fuzz property says.
 */
export interface FuzzTarget {
  url: string;
  /** The store's location, for snapshots. */
  location: string;
  send(request: HostileRequest): Promise<Reply>;
  refuses(request: HostileRequest): Promise<void>;
  /** The database and the artifact root as they are now. */
  snapshot(): Promise<TargetSnapshot>;
  /** Throws if the server process has exited or stopped answering. */
  assertAlive(): Promise<void>;
  close(): Promise<void>;
}

export interface TargetSnapshot {
  database: DatabaseSnapshot;
  artifacts: string[];
}

export async function startFuzzTarget(database: TestDatabase): Promise<FuzzTarget> {
  const opened = await database.open();
  // The server opens the store itself; this handle only kept the fresh database until then.
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-fuzz-'));
  const artifacts = join(dir, 'artifacts');
  let server: { url: string; child: ChildProcess };
  try {
    server = await startServerProcess(['--store', opened.location, '--artifacts', artifacts]);
  } catch (error) {
    await opened.dispose();
    throw error;
  }
  const { url, child } = server;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const send = (hostile: HostileRequest) => sendRaw(url, hostile);
  const assertAlive = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    }
    const health = await send({ method: 'GET', path: '/health', why: 'health check' });
    if (health.status !== 200) throw new Error(`the server is unhealthy: ${health.status} ${health.text}`);
  };
  return {
    url,
    location: opened.location,
    send,
    async refuses(hostile) {
      let reply: Reply;
      try {
        reply = await send(hostile);
      } catch (error) {
        throw new Error(`${describe(hostile)}\n  no answer: ${(error as Error).message}\n${stderr}`);
      }
      const problem = refusalProblem(reply);
      if (problem !== undefined) {
        throw new Error(`${describe(hostile)}\n  ${problem}: ${reply.status} ${reply.text.slice(0, 500)}`);
      }
      if (child.exitCode !== null) throw new Error(`${describe(hostile)}\n  the server exited: ${stderr}`);
    },
    snapshot: async () => ({
      database: await snapshotDatabase(opened.location),
      artifacts: filesUnder(artifacts),
    }),
    assertAlive,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await opened.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Why a reply is not a proper refusal: a 4xx with an MLflow-style JSON error body. */
function refusalProblem(reply: Reply): string | undefined {
  if (reply.status < 400 || reply.status >= 500) return 'not a 4xx';
  if (!reply.contentType.startsWith('application/json')) return `not JSON (${reply.contentType})`;
  const body = jsonOr(reply.text, undefined) as { error_code?: unknown; message?: unknown } | undefined;
  if (typeof body?.error_code !== 'string' || typeof body.message !== 'string') {
    return 'no error_code and message';
  }
  return undefined;
}

function describe(hostile: HostileRequest): string {
  const body =
    hostile.body === undefined
      ? ''
      : typeof hostile.body === 'string'
        ? JSON.stringify(hostile.body.slice(0, 300))
        : `<${hostile.body.byteLength} bytes>`;
  return `${hostile.why}: ${hostile.method} ${hostile.path.slice(0, 300)} ${JSON.stringify(hostile.headers ?? {})} ${body}`;
}

/** Over node:http rather than fetch, which would normalise the path and its dot segments away. */
function sendRaw(base: string, hostile: HostileRequest): Promise<Reply> {
  const { hostname, port } = new URL(base);
  const body = hostile.body === undefined ? undefined : Buffer.from(hostile.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: hostile.method,
        path: hostile.path,
        headers: { ...hostile.headers, ...(body === undefined ? {} : { 'content-length': body.byteLength }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function filesUnder(root: string): string[] {
  try {
    return (readdirSync(root, { recursive: true }) as string[]).sort();
  } catch {
    return [];
  }
}
