/**
 * Real .onnx files for tests and benchmarks, written by a tiny protobuf encoder (no onnx package): a dense
 * layer `features [N, k] → Gemm(W [k, m], B [m])`, optionally followed by Softmax(axis=1). Field numbers are
 * onnx.proto3's (IR version 8, opset 13).
 */
export interface DenseModel {
  /** W[feature][output] */
  weights: number[][];
  bias: number[];
  softmax: boolean;
  input?: string;
  output?: string;
}

export function denseOnnxModel({
  weights,
  bias,
  softmax,
  input = 'features',
  output = 'probabilities',
}: DenseModel): Uint8Array<ArrayBuffer> {
  const features = weights.length;
  const outputs = bias.length;
  const gemmOutput = softmax ? 'logits' : output;
  const nodes = [node('Gemm', [input, 'W', 'B'], [gemmOutput], [])];
  if (softmax) nodes.push(node('Softmax', [gemmOutput], [output], [intAttribute('axis', 1)]));
  const graph = message(
    ...nodes.map((n) => bytes(1, n)),
    string(2, 'dense'),
    bytes(5, floatTensor('W', [features, outputs], weights.flat())),
    bytes(5, floatTensor('B', [outputs], bias)),
    bytes(11, floatValueInfo(input, ['N', features])),
    bytes(12, floatValueInfo(output, ['N', outputs])),
  );
  const opset = message(string(1, ''), varint(2, 13));
  return message(varint(1, 8), string(2, 'ratchet-tests'), bytes(7, graph), bytes(8, opset));
}

/** What the dense model computes for one row, in float64: the reference the served answers are checked against. */
export function denseModelRow({ weights, bias, softmax }: DenseModel, row: number[]): number[] {
  const linear = bias.map((b, j) => b + row.reduce((sum, x, i) => sum + x * weights[i]![j]!, 0));
  if (!softmax) return linear;
  const exps = linear.map((z) => Math.exp(z - Math.max(...linear)));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

const FLOAT = 1; // TensorProto.DataType.FLOAT
const INT = 2; // AttributeProto.AttributeType.INT

function node(opType: string, inputs: string[], outputs: string[], attributes: Uint8Array[]): Uint8Array {
  return message(
    ...inputs.map((name) => string(1, name)),
    ...outputs.map((name) => string(2, name)),
    string(3, `${opType.toLowerCase()}_${outputs[0]}`),
    string(4, opType),
    ...attributes.map((attribute) => bytes(5, attribute)),
  );
}

function intAttribute(name: string, value: number): Uint8Array {
  return message(string(1, name), varint(3, value), varint(20, INT));
}

function floatTensor(name: string, dims: number[], values: number[]): Uint8Array {
  const raw = new Uint8Array(new Float32Array(values).buffer); // little-endian, as raw_data requires, on x86/arm
  return message(...dims.map((dim) => varint(1, dim)), varint(2, FLOAT), string(8, name), bytes(9, raw));
}

/** A float tensor's ValueInfoProto; a string dimension is symbolic (dim_param), a number fixed (dim_value). */
function floatValueInfo(name: string, shape: (string | number)[]): Uint8Array {
  const dims = shape.map((dim) =>
    bytes(1, typeof dim === 'string' ? message(string(2, dim)) : message(varint(1, dim))),
  );
  const tensorType = message(varint(1, FLOAT), bytes(2, message(...dims)));
  return message(string(1, name), bytes(2, message(bytes(1, tensorType))));
}

// Protobuf wire format: a field is a varint key (number << 3 | wire type) then a varint (type 0) or a
// varint length and that many bytes (type 2).
function varint(field: number, value: number): Uint8Array {
  return concat([encodeVarint((field << 3) | 0), encodeVarint(value)]);
}

function bytes(field: number, value: Uint8Array): Uint8Array {
  return concat([encodeVarint((field << 3) | 2), encodeVarint(value.length), value]);
}

function string(field: number, value: string): Uint8Array {
  return bytes(field, new TextEncoder().encode(value));
}

function message(...fields: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return concat(fields);
}

function encodeVarint(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Whether onnxruntime-node loads here. When it does not, the onnx suites skip with a loud warning, unless
 * RATCHET_REQUIRE_ONNX=1 (CI), which makes that a failure.
 */
export async function onnxRuntimeAvailable(): Promise<boolean> {
  try {
    await import('onnxruntime-node');
    return true;
  } catch (error) {
    const why = `onnxruntime-node cannot be loaded (${(error as Error).message}); npm ci installs it (devDependency).`;
    if (process.env.RATCHET_REQUIRE_ONNX === '1') throw new Error(`RATCHET_REQUIRE_ONNX=1 but ${why}`);
    const line = '!'.repeat(100);
    console.warn(`\n${line}\n!! SKIPPING the onnx serving suites: ${why}\n${line}\n`);
    return false;
  }
}
