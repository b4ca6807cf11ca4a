import { describe, expect, it } from 'vitest';
import { importOnnxRuntime } from './onnx-model.js';

describe('importOnnxRuntime', () => {
  it('says how to install onnxruntime-node when it is not installed', async () => {
    await expect(importOnnxRuntime('onnxruntime-node-not-installed')).rejects.toThrow(
      /npm install onnxruntime-node@~1\.30.*onnxruntime-node-install=skip.*\.npmrc/,
    );
  });
});
