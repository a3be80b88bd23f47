// Display names for the shared vocabulary.
import type { Temperament } from '@unani/contracts';

export const temperamentLabels: Record<Temperament, string> = {
  damvi: 'Damvi (sanguine)',
  balghami: 'Balghami (phlegmatic)',
  safravi: 'Safravi (bilious)',
  saudavi: 'Saudavi (melancholic)',
};
