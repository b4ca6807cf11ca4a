import type { Wire } from '../../contract/index.js';
import type { TableCell } from '../../core/run-table.js';
import type { RunTablePage } from '../../tracking/run-table.js';
import { wireNumber } from './wire.js';

/** The table in the contract's columns; a metric's NaN or ±Infinity travels by name. */
export function runTableJson({ table, trialRefs, nextPageToken }: RunTablePage): Wire<'runTable'> {
  return {
    rows: table.runId.length,
    run_id: table.runId,
    name: table.name,
    status: table.status,
    start_time: table.startTime,
    end_time: table.endTime,
    trial: trialRefs,
    seed: table.seed,
    columns: Object.fromEntries([...table.columns].map(([name, values]) => [name, values.map(cellJson)])),
    next_page_token: nextPageToken ?? null,
  };
}

function cellJson(value: TableCell): TableCell {
  return typeof value === 'number' ? wireNumber(value) : value;
}
