// What the logs may hold of a request or an error: never credentials, share tokens, search terms (patient names
// and phones travel in query strings) or the values a database error quotes back.
import type { FastifyRequest } from 'fastify';
import { stdSerializers } from 'pino';

/** Fields never written to logs: credentials and tokens. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** The path only, share-link tokens hidden: query strings carry searches for patients by name and phone. */
export function redactUrl(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  return path.replace(/(\/shared-notes\/|\/n\/)[^/]+/, '$1[redacted]');
}

type LoggedError = Error & { code?: unknown };

export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, reqId: req.id }),
  /** Prisma's messages quote the arguments of the failed call (a patient's name, a complaint): kept out. */
  err: (error: LoggedError) => {
    const serialized = stdSerializers.err(error);
    if (!/^PrismaClient/.test(error?.name ?? '')) return serialized;
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    return {
      type: serialized.type,
      code: error.code,
      message: `${error.name} (details withheld)`,
      stack: frames.join('\n'),
    };
  },
};
