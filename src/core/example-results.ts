/**
 * Per-example results of one run: example id → right/wrong (classification) or a number (e.g. a per-example
 * loss or error). Two runs scored on the same example ids can be compared example by example.
 */
export type ExampleValue = boolean | number;
export type ExampleResults = ReadonlyMap<string, ExampleValue>;
