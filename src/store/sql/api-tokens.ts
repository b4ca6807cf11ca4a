import type { ApiToken } from '../../core/api-token.js';
import type { ApiTokenStore, NewApiToken } from '../api-token-store.js';
import type { SqlDriver } from '../driver.js';

const COLUMNS = 'id, name, read_only, project, created_time, last_used_time, revoked_time';

interface Row {
  id: number;
  name: string;
  read_only: number;
  project: string | null;
  created_time: number;
  last_used_time: number | null;
  revoked_time: number | null;
}

export class SqlApiTokenStore implements ApiTokenStore {
  constructor(private readonly db: SqlDriver) {}

  async create(token: NewApiToken): Promise<ApiToken> {
    const row = await this.db.get<Row>(
      `INSERT INTO api_tokens (name, token_hash, read_only, created_time) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
      [token.name, token.tokenHash, token.readOnly ? 1 : 0, token.createdTime],
    );
    return fromRow(row as Row);
  }

  async list(): Promise<ApiToken[]> {
    return (await this.db.all<Row>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`)).map(fromRow);
  }

  async findLive(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db.get<Row>(
      `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_time IS NULL`,
      [tokenHash],
    );
    return row && fromRow(row);
  }

  async get(id: number): Promise<ApiToken | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async anyLive(): Promise<boolean> {
    return (
      (await this.db.get('SELECT 1 AS live FROM api_tokens WHERE revoked_time IS NULL LIMIT 1')) !== undefined
    );
  }

  async revoke(id: number, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE api_tokens SET revoked_time = ? WHERE id = ? AND revoked_time IS NULL',
      [now, id],
    );
    return changes > 0;
  }

  async touch(id: number, now: number): Promise<void> {
    await this.db.run('UPDATE api_tokens SET last_used_time = ? WHERE id = ?', [now, id]);
  }
}

function fromRow(row: Row): ApiToken {
  return {
    id: Number(row.id),
    name: row.name,
    readOnly: Number(row.read_only) === 1,
    project: row.project,
    createdTime: Number(row.created_time),
    lastUsedTime: row.last_used_time === null ? null : Number(row.last_used_time),
    revokedTime: row.revoked_time === null ? null : Number(row.revoked_time),
  };
}
