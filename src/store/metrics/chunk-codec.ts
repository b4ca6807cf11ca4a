import { emptyColumns, type SeriesColumns } from '../../core/metric-series.js';

/**
 * Metric points are stored in chunks: per point a zigzag-varint step delta, a zigzag-varint timestamp delta
 * and the raw little-endian float64 value (NaN and ±Infinity included). Deltas are taken from the previous
 * point, so a chunk can be extended by appending bytes encoded from its last step and timestamp, without
 * decoding it. Typical cost: 1 + 1–2 + 8 bytes a point.
 */
export interface EncodeOrigin {
  step: number;
  timestamp: number;
}

export const ORIGIN: EncodeOrigin = { step: 0, timestamp: 0 };

const MAX_BYTES_PER_POINT = 2 * 10 + 8;

export function encodePoints(columns: SeriesColumns, from: EncodeOrigin = ORIGIN): Uint8Array {
  const n = columns.steps.length;
  const buffer = new Uint8Array(n * MAX_BYTES_PER_POINT);
  const view = new DataView(buffer.buffer);
  let offset = 0;
  let previousStep = from.step;
  let previousTimestamp = from.timestamp;
  for (let i = 0; i < n; i++) {
    const step = columns.steps[i]!;
    const timestamp = columns.timestamps[i]!;
    offset = writeVarint(buffer, offset, zigzag(step - previousStep));
    offset = writeVarint(buffer, offset, zigzag(timestamp - previousTimestamp));
    view.setFloat64(offset, columns.values[i]!, true);
    offset += 8;
    previousStep = step;
    previousTimestamp = timestamp;
  }
  return buffer.subarray(0, offset);
}

export function decodePoints(bytes: Uint8Array, count: number): SeriesColumns {
  const out = emptyColumns(count);
  const reader = new ByteReader(bytes);
  let step = 0;
  let timestamp = 0;
  for (let i = 0; i < count; i++) {
    step += unzigzag(reader.varint());
    timestamp += unzigzag(reader.varint());
    out.steps[i] = step;
    out.timestamps[i] = timestamp;
    out.values[i] = reader.float64();
  }
  if (reader.offset !== bytes.length) {
    throw new Error(`corrupt metric chunk: ${bytes.length - reader.offset} bytes left over`);
  }
  return out;
}

class ByteReader {
  offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint(): number {
    let shift = 1;
    let value = 0;
    let byte: number;
    do {
      byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * shift;
      shift *= 128;
    } while (byte & 0x80);
    return value;
  }

  float64(): number {
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }
}

// Zigzag and varint with arithmetic, not bit operators: steps and timestamps exceed 32 bits.
function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

function writeVarint(buffer: Uint8Array, offset: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    buffer[offset++] = (rest % 128) | 0x80;
    rest = Math.floor(rest / 128);
  }
  buffer[offset++] = rest;
  return offset;
}
