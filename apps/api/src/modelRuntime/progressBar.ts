// A training progress bar on standard error, one bar per stage.
import type { TrainingProgress } from '@unani/engine';
import cliProgress from 'cli-progress';

export function trainingProgressBar(): { update: (p: TrainingProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'training {stage} [{bar}] {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let stage = '';
  return {
    update(p) {
      if (p.stage !== stage) {
        if (stage) bar.stop();
        stage = p.stage;
        if (p.stage !== 'done') bar.start(p.total, p.done, { stage: p.stage });
        return;
      }
      bar.update(p.done, { stage: p.stage });
    },
    stop: () => bar.stop(),
  };
}
