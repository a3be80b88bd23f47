// A small dense network (ReLU hidden layers, softmax output) trained with TensorFlow.js. Prediction for one case
// runs in plain TypeScript on the sparse input, so diagnosing needs neither TensorFlow.js nor a backend.
import type * as TF from '@tensorflow/tfjs';
import { mulberry32, type Random, shuffleInPlace } from '../random.ts';

export interface DenseLayer {
  inputs: number;
  units: number;
  activation: 'relu' | 'softmax';
  /** Row-major [inputs][units]. */
  kernel: Float32Array;
  bias: Float32Array;
}

export interface Network {
  layers: DenseLayer[];
}

export interface NetworkTraining {
  hiddenUnits: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on kernels, against memorising the sampled cases. */
  l2: number;
  seed: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

/** Glorot/Xavier uniform initialisation from the seeded generator, so training is reproducible on every backend. */
function glorotKernel(inputs: number, units: number, random: Random): Float32Array {
  const limit = Math.sqrt(6 / (inputs + units));
  const kernel = new Float32Array(inputs * units);
  for (let i = 0; i < kernel.length; i++) kernel[i] = (random() * 2 - 1) * limit;
  return kernel;
}

/**
 * Trains on `x` (row-major, `width` columns) with class `labels` and case `weights` by mini-batch Adam on the
 * weighted cross-entropy, and returns the learned layers.
 */
export async function trainNetwork(
  tf: typeof TF,
  x: Float32Array,
  width: number,
  labels: Int32Array,
  weights: Float32Array,
  classCount: number,
  options: NetworkTraining,
): Promise<Network> {
  const random = mulberry32(options.seed);
  const rows = labels.length;
  const sizes = [width, ...options.hiddenUnits, classCount];
  const variables = sizes.slice(1).map((units, k) => {
    const inputs = sizes[k] as number;
    return {
      kernel: tf.variable(tf.tensor2d(glorotKernel(inputs, units, random), [inputs, units])),
      bias: tf.variable(tf.zeros([units])),
    };
  });
  const forward = (input: TF.Tensor2D): TF.Tensor2D =>
    variables.reduce<TF.Tensor2D>((h, v, k) => {
      const z = tf.add(tf.matMul(h, v.kernel), v.bias) as TF.Tensor2D;
      return k < variables.length - 1 ? tf.relu(z) : z;
    }, input);

  const xAll = tf.tensor2d(x, [rows, width]);
  const yAll = tf.oneHot(tf.tensor1d(labels, 'int32'), classCount);
  const wAll = tf.tensor1d(weights);
  const optimizer = tf.train.adam(options.learningRate);
  const order = Array.from({ length: rows }, (_, i) => i);
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffleInPlace(order, random);
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < rows; start += options.batchSize) {
        const batch = order.slice(start, start + options.batchSize);
        const loss = tf.tidy(() => {
          const index = tf.tensor1d(batch, 'int32');
          const xb = tf.gather(xAll, index) as TF.Tensor2D;
          const yb = tf.gather(yAll, index);
          const wb = tf.gather(wAll, index);
          return optimizer.minimize(() => {
            const data = tf.losses.softmaxCrossEntropy(yb, forward(xb), wb);
            const penalty = variables.reduce((sum, v) => tf.add(sum, tf.sum(tf.square(v.kernel))), tf.scalar(0));
            return tf.add(data, tf.mul(penalty, options.l2)) as TF.Scalar;
          }, true) as TF.Scalar;
        });
        lossSum += (await loss.data())[0] as number;
        loss.dispose();
        batches++;
      }
      options.onEpoch?.(epoch + 1, lossSum / Math.max(batches, 1));
    }
    return {
      layers: await Promise.all(
        variables.map(async (v, k) => ({
          inputs: sizes[k] as number,
          units: sizes[k + 1] as number,
          activation: k < variables.length - 1 ? ('relu' as const) : ('softmax' as const),
          kernel: new Float32Array(await v.kernel.data()),
          bias: new Float32Array(await v.bias.data()),
        })),
      ),
    };
  } finally {
    optimizer.dispose();
    tf.dispose([xAll, yAll, wAll, ...variables.flatMap((v) => [v.kernel, v.bias])]);
  }
}

/** Class probabilities for one case given by its non-zero input columns (plain TypeScript, no backend). */
export function predictNetwork(
  net: Network,
  columns: readonly number[],
  values: readonly number[],
  out?: Float64Array,
): Float64Array {
  const first = net.layers[0] as DenseLayer;
  let h: Float64Array = Float64Array.from(first.bias);
  columns.forEach((i, k) => {
    const v = values[k] as number;
    const offset = i * first.units;
    for (let u = 0; u < first.units; u++) h[u] = (h[u] as number) + v * (first.kernel[offset + u] as number);
  });
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l] as DenseLayer;
    if (l > 0) {
      const next = l === net.layers.length - 1 && out ? out : new Float64Array(layer.units);
      next.set(layer.bias);
      for (let i = 0; i < layer.inputs; i++) {
        const v = h[i] as number;
        if (v === 0) continue;
        const offset = i * layer.units;
        for (let u = 0; u < layer.units; u++) next[u] = (next[u] as number) + v * (layer.kernel[offset + u] as number);
      }
      h = next;
    }
    if (layer.activation === 'relu') for (let u = 0; u < h.length; u++) h[u] = Math.max(0, h[u] as number);
    else {
      let max = Number.NEGATIVE_INFINITY;
      for (const v of h) if (v > max) max = v;
      let sum = 0;
      for (let u = 0; u < h.length; u++) {
        h[u] = Math.exp((h[u] as number) - max);
        sum += h[u] as number;
      }
      for (let u = 0; u < h.length; u++) h[u] = (h[u] as number) / sum;
    }
  }
  if (out && out !== h) out.set(h);
  return h;
}

/** Class probabilities for many rows at once on the active TensorFlow.js backend. */
export function predictNetworkBatch(tf: typeof TF, net: Network, x: Float32Array, rows: number): Float32Array {
  return tf.tidy(() => {
    let h: TF.Tensor2D = tf.tensor2d(x, [rows, (net.layers[0] as DenseLayer).inputs]);
    for (const layer of net.layers) {
      const z = tf.add(tf.matMul(h, tf.tensor2d(layer.kernel, [layer.inputs, layer.units])), layer.bias) as TF.Tensor2D;
      h = layer.activation === 'relu' ? tf.relu(z) : tf.softmax(z);
    }
    return h.dataSync() as Float32Array;
  });
}
