import { ErrorCode } from '#libs/contracts';
import { RpcError } from '#libs/messaging';

/** The answer of a lookup, or undefined when the service says NOT_FOUND; other errors propagate. */
export async function foundOrUndefined<T>(lookup: Promise<T>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof RpcError && error.code === ErrorCode.NotFound) return undefined;
    throw error;
  }
}

/** Looks up a demo agency's id by acronym; a missing one is a broken demo data set. */
export function agencyIdLookup(agencyIds: Map<string, string>): (acronym: string) => string {
  return (acronym) => {
    const id = agencyIds.get(acronym);
    if (!id) throw new Error(`demo agency ${acronym} is missing`);
    return id;
  };
}
