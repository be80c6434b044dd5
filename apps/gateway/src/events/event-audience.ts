import { isAdmin } from '#libs/auth';
import { ErrorCode, scopeOfEvent, type CloudEvent, type DomainEventType } from '#libs/contracts';
import { RpcError, type Caller } from '#libs/messaging';

/** What a caller may receive from the stream of all domain events. */
export interface EventAudience {
  types: readonly DomainEventType[];
  accepts(event: CloudEvent<unknown>): boolean;
}

/**
 * Who may follow `domainEvents`, and what each receives. Events carry no participant's
 * personal data, but they do describe drafts, so the whole stream is for admins; an
 * integration gets the event types its API key was granted; a convener the events of the work
 * streams it convenes. Everyone else follows the trainings they can see with `trainingChanged`.
 */
export function eventAudienceOf(
  caller: Caller,
  requested: readonly DomainEventType[],
): EventAudience {
  if (caller.kind === 'anonymous') {
    throw new RpcError(
      ErrorCode.Unauthenticated,
      'Following domain events needs a token or an API key',
    );
  }
  if (isAdmin(caller)) return { types: requested, accepts: () => true };
  if (caller.roles.includes('integration')) {
    return { types: grantedOf(caller, requested, 'these event types'), accepts: () => true };
  }
  if (caller.roles.includes('convener')) {
    const convened = new Set(caller.workStreamIds ?? []);
    return {
      types: requested,
      accepts: (event) => {
        const { workStreamId } = scopeOfEvent(event.data);
        return !!workStreamId && convened.has(workStreamId);
      },
    };
  }
  throw new RpcError(
    ErrorCode.Forbidden,
    'Forbidden: domainEvents is for admins, conveners and integrations; follow a training with trainingChanged',
  );
}

/** `trainingChanged` is open to whoever can see the training, but an integration only gets its granted types. */
export function trainingAudienceOf(
  caller: Caller,
  requested: readonly DomainEventType[],
): readonly DomainEventType[] {
  if (!caller.roles.includes('integration') || isAdmin(caller)) return requested;
  return grantedOf(caller, requested, 'the event types of a training');
}

/** The requested types an integration was granted; none of them is FORBIDDEN. */
function grantedOf(
  caller: Caller,
  requested: readonly DomainEventType[],
  what: string,
): readonly DomainEventType[] {
  const granted = new Set(caller.eventTypes ?? []);
  const types = requested.filter((type) => granted.has(type));
  if (types.length === 0) {
    throw new RpcError(ErrorCode.Forbidden, `This API key was granted none of ${what}`);
  }
  return types;
}
