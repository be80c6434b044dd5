import { Kind, type SelectionSetNode } from 'graphql';
import { GatewayError, GatewayErrorCode } from '../gateway-errors.js';
import { FragmentMeasure } from './fragment-measure.js';
import { asValidationRule, type QueryLimit } from './query-limit.js';

/** Aliased fields in a selection set, each spread of a fragment counted again. */
export function aliasesOf(
  selectionSet: SelectionSetNode,
  fragments: FragmentMeasure<number>,
): number {
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      if (selection.selectionSet) aliases += aliasesOf(selection.selectionSet, fragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      aliases += aliasesOf(selection.selectionSet, fragments);
    } else {
      aliases += fragments.of(selection.name.value, '', (fragment) =>
        aliasesOf(fragment.selectionSet, fragments),
      );
    }
  }
  return aliases;
}

/**
 * Refuses an operation with more than `maxAliases` aliases: TOO_MANY_ALIASES. Aliases are how
 * one request asks the same expensive field thousands of times.
 */
export function queryAliasesLimit(maxAliases: number): QueryLimit {
  return (context, operation) => {
    const aliases = aliasesOf(operation.selectionSet, new FragmentMeasure<number>(context, 0));
    if (aliases <= maxAliases) return undefined;
    return new GatewayError(
      GatewayErrorCode.TooManyAliases,
      `The query has ${aliases} aliases; the limit is ${maxAliases}`,
      { aliases, limit: maxAliases },
      { nodes: [operation] },
    );
  };
}

export const queryAliasesRule = (maxAliases: number) =>
  asValidationRule(queryAliasesLimit(maxAliases));
