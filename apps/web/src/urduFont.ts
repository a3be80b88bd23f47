// The Nastaliq font is an Urdu page's largest download. It is declared only after the page's first paint, which
// uses a system font with Nastaliq's line metrics (urduFallback.css), so the download never delays that paint and
// the swap does not move the lines. The file itself is fetched only where Urdu is shown (its unicode-range).
let declared: Promise<unknown> | undefined;

/** Declares the font now; resolves once every font the page uses has loaded. */
export function urduFontReady(): Promise<void> {
  declared ??= import('./urduFont.css');
  // Browsers without the font loading API (and test DOMs) simply go on.
  return declared.then(() => document.fonts?.ready).then(() => undefined);
}

/** Declares the font in the frame after the next paint. */
export function loadUrduFontAfterPaint(): void {
  if (declared || typeof window === 'undefined') return;
  requestAnimationFrame(() => setTimeout(() => void urduFontReady(), 0));
}
