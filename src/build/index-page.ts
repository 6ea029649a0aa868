// Finisher stub: out/index.html, filled in by the handout/index work.
import type { Finisher } from './producers.js';

export const writeIndexPage: Finisher = async () => [];
