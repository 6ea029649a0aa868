// Commands registered after the core ones: one import and one entry each.
import type { Command } from 'commander';
import type { CommandRunner } from '../run-command.js';
import { registerScore } from './score.js';

export const extraCommands: ((program: Command, run: CommandRunner) => void)[] = [registerScore];
