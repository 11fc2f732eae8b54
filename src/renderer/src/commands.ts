import type { CommandId } from '../../shared/commands';

// The renderer's command registry: each feature registers the operations it implements; menus,
// shortcuts and buttons call runCommand. A command that nobody registered does nothing and says so.
type Handler = () => void | Promise<void>;
const handlers = new Map<CommandId, Handler>();

export function registerCommand(id: CommandId, handler: Handler): () => void {
  handlers.set(id, handler);
  return () => {
    if (handlers.get(id) === handler) handlers.delete(id);
  };
}

export async function runCommand(id: CommandId): Promise<boolean> {
  const handler = handlers.get(id);
  if (!handler) return false;
  await handler();
  return true;
}

export function hasCommand(id: CommandId): boolean {
  return handlers.has(id);
}
