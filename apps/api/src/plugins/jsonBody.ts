// JSON request bodies: Fastify's own parser (which already refuses `__proto__` and `constructor.prototype` keys)
// behind a nesting limit, so a small body cannot make validation, logging or storage walk thousands of levels.
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './errors.ts';

/** Our deepest legitimate body, a CDS Hooks prefetch Bundle (entry → resource → code → coding), is under 10 levels. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 34;
const BACKSLASH = 92;
const OPENERS = new Set([91, 123]); // [ {
const CLOSERS = new Set([93, 125]); // ] }

/** True when arrays and objects in a JSON text nest deeper than `limit`; brackets inside strings do not count. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      const detail = `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; send a flatter document.`;
      done(new HttpProblem(400, 'Bad Request', detail), undefined);
      return;
    }
    return parseJson(req, body as string, done);
  });
}
