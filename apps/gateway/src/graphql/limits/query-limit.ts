import type { OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import type { GatewayError } from '../gateway-errors.js';

/** One limit on an operation: the refusal when the operation breaks it. */
export type QueryLimit = (
  context: ValidationContext,
  operation: OperationDefinitionNode,
) => GatewayError | undefined;

/** The limit as a graphql-js ValidationRule, reporting its refusal on each operation. */
export function asValidationRule(limit: QueryLimit): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const refusal = limit(context, operation);
      if (refusal) context.reportError(refusal);
    },
  });
}
