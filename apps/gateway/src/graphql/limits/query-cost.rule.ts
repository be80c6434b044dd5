import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#libs/contracts';
import { GatewayError, GatewayErrorCode } from '../gateway-errors.js';
import { FragmentMeasure } from './fragment-measure.js';
import { asValidationRule, type QueryLimit } from './query-limit.js';

const PAGE_SIZE_ARGUMENTS = ['first', 'last'];

export interface CostOptions {
  /** The size assumed for a list field without `first`/`last`. */
  defaultListSize: number;
}

/**
 * Estimates the fields an operation resolves: every field costs 1, and a list multiplies the
 * cost of its selection by its size. A paginated field (one that takes `first`/`last`) sizes the
 * list directly inside it (a connection's `edges`) by that argument, the contracts' default page
 * size when it is left out, capped at their maximum page size (a larger one is refused by the
 * service's page rule); a variable counts as its default or the maximum, since a validated
 * document is reused whatever its variables. Other lists count `defaultListSize`.
 */
export class QueryCost {
  private readonly fragments: FragmentMeasure<number>;

  constructor(
    private readonly context: ValidationContext,
    private readonly operation: OperationDefinitionNode,
    private readonly options: CostOptions,
  ) {
    this.fragments = new FragmentMeasure<number>(context, 0);
  }

  ofOperation(): number {
    const root = this.context.getSchema().getRootType(this.operation.operation);
    return root ? this.ofSelectionSet(this.operation.selectionSet, root, undefined) : 0;
  }

  private ofSelectionSet(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    pageSize: number | undefined,
  ): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.ofField(selection, parent, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = (condition && this.context.getSchema().getType(condition)) || parent;
        cost += this.ofSelectionSet(selection.selectionSet, type, pageSize);
      } else {
        cost += this.fragments.of(selection.name.value, String(pageSize), (fragment) => {
          const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
          return type ? this.ofSelectionSet(fragment.selectionSet, type, pageSize) : 0;
        });
      }
    }
    return cost;
  }

  private ofField(node: FieldNode, parent: GraphQLNamedType, pageSize: number | undefined): number {
    const field = fieldOf(parent, node.name.value);
    if (!field || !node.selectionSet) return 1;
    const type = getNamedType(field.type);
    const ownPageSize = this.pageSizeOf(node, field);
    if (!isListType(getNullableType(field.type))) {
      return 1 + this.ofSelectionSet(node.selectionSet, type, ownPageSize);
    }
    const size = ownPageSize ?? pageSize ?? this.options.defaultListSize;
    return 1 + size * this.ofSelectionSet(node.selectionSet, type, undefined);
  }

  /** The page a paginated field asks for; undefined when the field takes no page size. */
  private pageSizeOf(node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined {
    if (!field.args.some((arg) => PAGE_SIZE_ARGUMENTS.includes(arg.name))) return undefined;
    const sizes = (node.arguments ?? [])
      .filter((argument) => PAGE_SIZE_ARGUMENTS.includes(argument.name.value))
      .map((argument) => this.intOf(argument.value));
    if (sizes.length === 0) return DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(...sizes), MAX_PAGE_SIZE);
  }

  private intOf(value: ValueNode): number {
    if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const definition = this.operation.variableDefinitions?.find(
        (candidate) => candidate.variable.name.value === value.name.value,
      );
      const fallback = definition?.defaultValue;
      if (fallback?.kind === Kind.INT) return Math.max(0, Number(fallback.value));
    }
    return MAX_PAGE_SIZE;
  }
}

function fieldOf(
  parent: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** Refuses an operation whose estimated cost is over `maxCost`: QUERY_TOO_COSTLY, before it runs. */
export function queryCostLimit(maxCost: number, options: CostOptions): QueryLimit {
  return (context, operation) => {
    const cost = new QueryCost(context, operation, options).ofOperation();
    // NaN (0 × an overflowed Infinity) counts as too costly.
    if (cost <= maxCost) return undefined;
    return new GatewayError(
      GatewayErrorCode.QueryTooCostly,
      `The query's estimated cost is ${cost}; the limit is ${maxCost}`,
      { cost, limit: maxCost },
      { nodes: [operation] },
    );
  };
}

export const queryCostRule = (maxCost: number, options: CostOptions) =>
  asValidationRule(queryCostLimit(maxCost, options));
