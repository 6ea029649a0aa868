// Producer stub: filled in by the plans work.
import type { BuildContext, Production } from './producers.js';

export async function plansProducer(_ctx: BuildContext): Promise<Production> {
  return { docs: [], problems: [] };
}
