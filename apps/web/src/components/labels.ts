// Display names for the shared vocabulary, in English (the interface's tables hold every language).
import { en } from '../i18n/en.ts';

export const temperamentLabels = en.vocabulary.temperament;
