/**
 * Environment variables that change what a run computes (devices, threads, determinism, runtime flags) and
 * never hold secrets. Only these are recorded: an allow-list, because a deny-list of secret names always
 * misses one.
 */
export const CAPTURED_ENV_VARS: readonly string[] = [
  'CUDA_VISIBLE_DEVICES',
  'CUDA_LAUNCH_BLOCKING',
  'CUBLAS_WORKSPACE_CONFIG',
  'NVIDIA_TF32_OVERRIDE',
  'OMP_NUM_THREADS',
  'MKL_NUM_THREADS',
  'OPENBLAS_NUM_THREADS',
  'NUMEXPR_NUM_THREADS',
  'VECLIB_MAXIMUM_THREADS',
  'PYTHONHASHSEED',
  'PYTHONOPTIMIZE',
  'TF_DETERMINISTIC_OPS',
  'TF_CUDNN_DETERMINISTIC',
  'TF_ENABLE_ONEDNN_OPTS',
  'PYTORCH_CUDA_ALLOC_CONF',
  'XLA_FLAGS',
  'JAX_PLATFORMS',
  'JAX_ENABLE_X64',
  'NODE_OPTIONS',
  'NODE_ENV',
  'UV_THREADPOOL_SIZE',
];

/** The allow-listed variables that are set, by name. */
export function capturedEnvVars(env: NodeJS.ProcessEnv): Record<string, string> {
  const captured: Record<string, string> = {};
  for (const name of CAPTURED_ENV_VARS) {
    const value = env[name];
    if (value !== undefined) captured[name] = value;
  }
  return captured;
}
