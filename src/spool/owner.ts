import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** The process that wrote a spool directory: `<host>.<pid>.<token>`. */
export interface Owner {
  host: string;
  pid: number;
  token: string;
}

const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';
/** Tokens of the directories this process named: its pid alone would also match an earlier process's. */
const ownTokens = new Set<string>();

/** A fresh directory name owned by this process. */
export function newOwnerName(): string {
  const token = randomBytes(6).toString('hex');
  ownTokens.add(token);
  return `${HOST}.${process.pid}.${token}`;
}

export function parseOwner(name: string): Owner | undefined {
  const match = /^(.+)\.(\d+)\.([0-9a-f]+)$/.exec(name);
  if (match === null) return undefined;
  return { host: match[1]!, pid: Number(match[2]), token: match[3]! };
}

/**
 * Whether the owner may still be delivering its batches. A process on another host cannot be checked, so it
 * counts as alive: a spool directory is meant for one machine. A container restarted with the same pid is not
 * this process unless the token is one this process made.
 */
export function isOwnerAlive(owner: Owner): boolean {
  if (owner.host !== HOST) return true;
  if (owner.pid === process.pid) return ownTokens.has(owner.token);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
