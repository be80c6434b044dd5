/**
 * The consumer filter for a set of subjects. A server that takes several filter subjects gets
 * them as they are; an older one (before nats-server 2.10) gets the narrowest single subject
 * covering them all: their common leading tokens followed by `>` (`convene.events.>`).
 * Undefined means no filter: nothing was asked for, or nothing narrower than everything covers it.
 */
export function narrowestSubjectFilter(
  subjects: readonly string[],
  serverFiltersManySubjects: boolean,
): string | string[] | undefined {
  const unique = [...new Set(subjects)];
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0] as string;
  if (serverFiltersManySubjects) return unique;
  const [first, ...rest] = unique.map((subject) => subject.split('.'));
  const common: string[] = [];
  for (const [index, token] of (first ?? []).entries()) {
    const wildcard = token === '*' || token === '>';
    if (wildcard || rest.some((tokens) => tokens[index] !== token)) break;
    common.push(token);
  }
  return common.length > 0 ? [...common, '>'].join('.') : undefined;
}

/** NATS subject matching: `*` is one token, a trailing `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const wanted = pattern.split('.');
  const tokens = subject.split('.');
  for (const [index, token] of wanted.entries()) {
    if (token === '>') return tokens.length > index;
    if (index >= tokens.length || (token !== '*' && token !== tokens[index])) return false;
  }
  return wanted.length === tokens.length;
}
