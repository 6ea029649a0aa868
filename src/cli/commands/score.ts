// `hoctap score`: stub, filled in by the scorer work.
import type { Command } from 'commander';
import type { CommandRunner } from '../run-command.js';

export function registerScore(_program: Command, _run: CommandRunner) {}
