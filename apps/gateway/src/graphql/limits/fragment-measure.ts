import type { FragmentDefinitionNode, ValidationContext } from 'graphql';

/**
 * Measures each named fragment once per key, however often it is spread (so a document cannot
 * make the measuring itself exponential), and cuts cycles: a fragment that spreads itself
 * counts as empty here, and NoFragmentCyclesRule reports it.
 */
export class FragmentMeasure<T> {
  private readonly memo = new Map<string, T>();
  private readonly onPath = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly empty: T,
  ) {}

  of(name: string, key: string, measure: (fragment: FragmentDefinitionNode) => T): T {
    const memoKey = `${name}|${key}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const fragment = this.context.getFragment(name);
    if (!fragment || this.onPath.has(name)) return this.empty;
    this.onPath.add(name);
    try {
      const value = measure(fragment);
      this.memo.set(memoKey, value);
      return value;
    } finally {
      this.onPath.delete(name);
    }
  }
}
