// Producer stub: filled in by the tally work.
import type { BuildContext, Production } from './producers.js';

export async function tallyProducer(_ctx: BuildContext): Promise<Production> {
  return { docs: [], problems: [] };
}
