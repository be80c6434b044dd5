import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE } from '#libs/contracts';

export interface KeyWithArgs<A> {
  id: string;
  args: A;
}

/**
 * A DataLoader for a field with arguments: the keys of one batch are grouped by their
 * arguments and each group is one batch request, so a list asking the same field with the
 * same arguments makes one request.
 */
export function loaderWithArgs<A, V>(
  batch: (ids: string[], args: A) => Promise<V[]>,
): DataLoader<KeyWithArgs<A>, V, string> {
  return new DataLoader<KeyWithArgs<A>, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[]; positions: number[] }>();
      keys.forEach((key, position) => {
        const signature = JSON.stringify(key.args);
        const group = groups.get(signature) ?? { args: key.args, ids: [], positions: [] };
        group.ids.push(key.id);
        group.positions.push(position);
        groups.set(signature, group);
      });
      const results = new Array<V>(keys.length);
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const values = await batch(group.ids, group.args);
          group.positions.forEach((position, index) => {
            results[position] = values[index] as V;
          });
        }),
      );
      return results;
    },
    { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${key.id}|${JSON.stringify(key.args)}` },
  );
}
