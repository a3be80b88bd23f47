// Chooses the TensorFlow.js backend at run time: the native binding when it loads, else WebAssembly, else plain JS.
import type * as TF from '@tensorflow/tfjs';

export const backendNames = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

/** tfjs-node is optional (its native download fails in many installs), so it is imported by a variable name. */
const NATIVE_BACKEND_MODULE = '@tensorflow/tfjs-node';

let tfModule: Promise<typeof TF> | undefined;

/** Loads TensorFlow.js once, on first use, so diagnosing with a trained model never pays for it. */
export function loadTf(): Promise<typeof TF> {
  tfModule ??= import('@tensorflow/tfjs');
  return tfModule;
}

async function tryBackend(tf: typeof TF, name: BackendName): Promise<boolean> {
  try {
    if (name === 'tensorflow') await import(/* @vite-ignore */ NATIVE_BACKEND_MODULE);
    if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Activates a backend and returns its name: `forced` (e.g. from the ENGINE_BACKEND setting) or the first of
 * tensorflow, wasm, cpu that initialises. A forced backend that cannot start is an error, not a silent fallback.
 */
export async function selectBackend(forced?: BackendName): Promise<{ tf: typeof TF; backend: BackendName }> {
  const tf = await loadTf();
  if (forced) {
    if (tf.getBackend() === forced || (await tryBackend(tf, forced))) return { tf, backend: forced };
    throw new Error(`TensorFlow.js backend "${forced}" could not be started; unset it to choose one automatically`);
  }
  for (const name of backendNames) {
    if (await tryBackend(tf, name)) return { tf, backend: name };
  }
  throw new Error('No TensorFlow.js backend could be started (tried tensorflow, wasm, cpu)');
}
