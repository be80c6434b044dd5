import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperations } from '#libs/observability';

/** Counts operations by type (query, mutation) and whether they answered with errors. */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let type = 'unknown';
      return {
        async didResolveOperation({ operation }) {
          type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const failed =
            response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length);
          graphqlOperations.inc({ type, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}
