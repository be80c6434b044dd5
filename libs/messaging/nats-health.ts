import type { Observable } from 'rxjs';
import type { HealthCheck } from '#libs/observability';

/** Readiness of a NATS connection, followed from the status stream of Nest's transport. */
export class NatsStatusHealthCheck implements HealthCheck {
  readonly name = 'nats';
  private connected = false;

  follow(status: Observable<string>): void {
    status.subscribe((value) => {
      this.connected = value === 'connected';
    });
  }

  async check(): Promise<void> {
    if (!this.connected) throw new Error('NATS is not connected');
  }
}
