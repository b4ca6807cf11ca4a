import pg from 'pg';
import { clientGone } from '../request-signal.js';

/**
 * A pooled connection doing one request's work. pg's queries take no AbortSignal, so when the request's
 * signal aborts while a statement runs, the statement is cancelled on the server with pg_cancel_backend,
 * sent from a connection of its own: not a pooled one, as the pool may be full of exactly such statements.
 * There is at most one cancel per pooled connection at a time, so they stay within the pool's size.
 */
export class RequestConnection {
  private cancelSent = false;

  constructor(
    readonly client: pg.PoolClient,
    private readonly signal: AbortSignal | undefined,
    private readonly connectionConfig: pg.ClientConfig,
  ) {}

  async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    const signal = this.signal;
    if (signal === undefined) return this.client.query<Row>(text, values);
    if (signal.aborted) throw clientGone();
    const cancel = () => this.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await this.client.query<Row>(text, values);
    } catch (error) {
      throw signal.aborted ? clientGone() : error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  /**
   * Back to the pool, or closed if a cancel was sent on it: a cancel that arrives after its statement ended
   * would otherwise cancel the next one the connection runs, for another request.
   */
  release(): void {
    this.client.release(this.cancelSent);
  }

  private cancel(): void {
    // pg keeps the backend's id from the connection's startup, though its types do not say so; without it
    // the statement ends at the statement timeout.
    const pid = (this.client as { processID?: unknown }).processID;
    this.cancelSent = true;
    if (typeof pid === 'number') void cancelBackend(this.connectionConfig, pid);
  }
}

async function cancelBackend(config: pg.ClientConfig, pid: number): Promise<void> {
  const canceller = new pg.Client(config);
  canceller.on('error', () => undefined);
  try {
    await canceller.connect();
    await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
  } catch {
    // The server is unreachable or refused us: the statement then ends at the statement timeout.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}
