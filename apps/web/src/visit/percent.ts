// A probability as a whole percentage that never claims certainty: nothing above 99 % reads as "100%".

/** The highest percentage shown as a number; above it the display says ">99%". */
const HIGHEST_SHOWN = 0.99;
/** The lowest; below it the display says "<1%". */
const LOWEST_SHOWN = 0.01;

export function percent(p: number): string {
  if (p > HIGHEST_SHOWN) return '>99%';
  if (p < LOWEST_SHOWN) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/** The width of a probability bar, in percent: never full, never the bar of a certainty. */
export function barWidth(p: number): number {
  return Math.min(Math.round(p * 100), Math.round(HIGHEST_SHOWN * 100));
}
