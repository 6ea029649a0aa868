// Commands registered after the core ones (score …): one import and one entry each.
import type { Command } from 'commander';
import type { CommandRunner } from '../run-command.js';

export const extraCommands: ((program: Command, run: CommandRunner) => void)[] = [];
