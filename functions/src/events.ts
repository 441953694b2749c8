/** In-process fan-out of goal events to whoever reacts to them (the bot's cards, for instance). */
import type { GoalEvent, GoalEventSink } from "./domain/goal-context.js";

export type GoalEventHandler = (tenantId: string, event: GoalEvent) => Promise<void>;

export interface EventBus extends GoalEventSink {
  subscribe(handler: GoalEventHandler): void;
}

export function createEventBus(onError: (error: unknown) => void): EventBus {
  const handlers: GoalEventHandler[] = [];
  return {
    subscribe(handler) {
      handlers.push(handler);
    },
    async publish(tenantId, event) {
      for (const handler of handlers) {
        try {
          await handler(tenantId, event);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
