import type { CommandId } from '../../shared/commands';

// The renderer's command registry: each feature registers the operations it implements; menus,
// shortcuts and buttons call run. A command that nobody registered does nothing and says so.
type Handler = () => void | Promise<void>;

export interface Commands {
  register(id: CommandId, handler: Handler): () => void;
  run(id: CommandId): Promise<boolean>;
  has(id: CommandId): boolean;
}

export function createCommands(): Commands {
  const handlers = new Map<CommandId, Handler>();
  return {
    register(id, handler) {
      handlers.set(id, handler);
      return () => {
        if (handlers.get(id) === handler) handlers.delete(id);
      };
    },
    async run(id) {
      const handler = handlers.get(id);
      if (!handler) return false;
      await handler();
      return true;
    },
    has: (id) => handlers.has(id),
  };
}
