// Producer stub: filled in by the handouts work.
import type { BuildContext, Production } from './producers.js';

export async function handoutsProducer(_ctx: BuildContext): Promise<Production> {
  return { docs: [], problems: [] };
}
