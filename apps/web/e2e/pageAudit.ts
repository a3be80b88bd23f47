// What every page must pass on a phone: nothing wider than the screen with every <details> open, no
// axe-core violation, no English text marked as Urdu.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0–2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeFinding {
  id: string;
  impact: string | null;
  tags: string[];
  nodes: string[];
}

/** Opens every disclosure so hidden content is measured and audited too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
}

/** The page's scroll width and, to say why it is too wide, the elements that stick out past the viewport's
 *  edges (content of a box that scrolls on its own is not counted: it does not widen the page). */
export async function overflowingElements(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      let inScroller = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) inScroller = true;
      if (inScroller) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
        culprits.push(`${name} [${Math.round(box.left)}–${Math.round(box.right)}]`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8) };
  });
}

export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the browser's debugging protocol: the page's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page as a global without types.
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; impact: string | null; tags: string[]; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        tags: v.tags,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }),
    );
  }, AXE_TAGS);
}

/** Text pieces in Latin script (a word of three letters or more) whose nearest `lang` is Urdu. */
export async function latinUnderUrdu(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[A-Za-z]{3,}/.test(text)) continue;
      const parent = node.parentElement;
      // Form fields hold what a person typed, in either script; the rest is the interface's to mark.
      if (!parent || parent.closest('script, style, textarea, [hidden], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
      if (lang.startsWith('ur')) found.push(text.trim().slice(0, 60));
    }
    return found;
  });
}

/** Waits until the Nastaliq font, declared after an Urdu page's first paint, has loaded. */
export async function nastaliqLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      let loaded = false;
      document.fonts.forEach((f) => {
        if (f.family.includes('Noto Nastaliq Urdu') && f.status === 'loaded') loaded = true;
      });
      return loaded;
    },
    undefined,
    { timeout: 10_000 },
  );
}
