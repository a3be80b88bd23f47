import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.ts';
import { predictNetwork, predictNetworkBatch, trainNetwork } from './network.ts';

// Three classes, each announced by its own column; column 3 is noise present in every class.
function data() {
  const width = 4;
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let n = 0; n < 30; n++) {
    const c = n % 3;
    const row = [0, 0, 0, n % 2 === 0 ? 1 : 0];
    row[c] = 1;
    rows.push(row);
    labels.push(c);
  }
  return { width, x: Float32Array.from(rows.flat()), labels: Int32Array.from(labels), rows };
}

describe('dense network', () => {
  it('learns which column announces each class', async () => {
    const { tf } = await selectBackend('cpu');
    const { width, x, labels } = data();
    const net = await trainNetwork(tf, x, width, labels, new Float32Array(labels.length).fill(1), 3, {
      hiddenUnits: [8],
      epochs: 60,
      batchSize: 8,
      learningRate: 0.05,
      l2: 0,
      seed: 7,
    });
    for (let c = 0; c < 3; c++) {
      const p = Array.from(predictNetwork(net, [c], [1]));
      expect(p.indexOf(Math.max(...p))).toBe(c);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
  });

  it('predicts the same in plain TypeScript as on the TensorFlow.js backend', async () => {
    const { tf } = await selectBackend('cpu');
    const { width, x, labels, rows } = data();
    const net = await trainNetwork(tf, x, width, labels, new Float32Array(labels.length).fill(1), 3, {
      hiddenUnits: [5, 4],
      epochs: 3,
      batchSize: 16,
      learningRate: 0.01,
      l2: 1e-4,
      seed: 3,
    });
    const batch = predictNetworkBatch(tf, net, x, rows.length);
    rows.forEach((row, r) => {
      const columns = row.flatMap((v, i) => (v !== 0 ? [i] : []));
      const single = predictNetwork(
        net,
        columns,
        columns.map((i) => row[i] as number),
      );
      single.forEach((p, c) => {
        expect(p).toBeCloseTo(batch[r * 3 + c] as number, 5);
      });
    });
  });

  it('is reproducible under a seed', async () => {
    const { tf } = await selectBackend('cpu');
    const { width, x, labels } = data();
    const train = () =>
      trainNetwork(tf, x, width, labels, new Float32Array(labels.length).fill(1), 3, {
        hiddenUnits: [6],
        epochs: 4,
        batchSize: 8,
        learningRate: 0.01,
        l2: 0,
        seed: 11,
      });
    const [a, b] = [await train(), await train()];
    expect(Array.from(a.layers[0]?.kernel ?? [])).toEqual(Array.from(b.layers[0]?.kernel ?? []));
  });
});

describe('backend selection', () => {
  it('falls back to an available backend when the native binding is not installed', async () => {
    const { backend } = await selectBackend();
    expect(['tensorflow', 'wasm', 'cpu']).toContain(backend);
  });

  it('refuses a forced backend that cannot start', async () => {
    const { tf } = await selectBackend('cpu');
    const nativeInstalled = await import(/* @vite-ignore */ ['@tensorflow', 'tfjs-node'].join('/')).then(
      () => true,
      () => false,
    );
    if (!nativeInstalled)
      await expect(selectBackend('tensorflow')).rejects.toThrow(/"tensorflow" could not be started/);
    expect(tf.getBackend()).toBe('cpu');
  });
});
