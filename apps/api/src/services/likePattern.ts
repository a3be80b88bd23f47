// Text searched with Prisma's `contains`/`startsWith`: on MariaDB these become LIKE patterns in which `%`, `_`
// and `\` are wildcards and the escape character, so a name with an underscore would match anything there.

/** The literal text of a LIKE pattern. */
export const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
