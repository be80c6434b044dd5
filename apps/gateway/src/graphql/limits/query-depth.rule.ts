import { Kind, type SelectionSetNode } from 'graphql';
import { GatewayError, GatewayErrorCode } from '../gateway-errors.js';
import { FragmentMeasure } from './fragment-measure.js';
import { asValidationRule, type QueryLimit } from './query-limit.js';

/** The deepest field nesting of a selection set, fragments followed: `{ a { b } }` is 2. */
export function depthOf(
  selectionSet: SelectionSetNode,
  fragments: FragmentMeasure<number>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth: number;
    if (selection.kind === Kind.FIELD) {
      depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments);
    } else {
      depth = fragments.of(selection.name.value, '', (fragment) =>
        depthOf(fragment.selectionSet, fragments),
      );
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Refuses an operation nested deeper than `maxDepth` fields: QUERY_TOO_DEEP, before it runs. */
export function queryDepthLimit(maxDepth: number): QueryLimit {
  return (context, operation) => {
    const depth = depthOf(operation.selectionSet, new FragmentMeasure<number>(context, 0));
    if (depth <= maxDepth) return undefined;
    return new GatewayError(
      GatewayErrorCode.QueryTooDeep,
      `The query is ${depth} levels deep; the limit is ${maxDepth}`,
      { depth, limit: maxDepth },
      { nodes: [operation] },
    );
  };
}

export const queryDepthRule = (maxDepth: number) => asValidationRule(queryDepthLimit(maxDepth));
