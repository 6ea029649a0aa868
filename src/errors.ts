// Problems found in user input, and the two error classes the CLI maps to exit codes.
// Library code collects Problems (every one, not the first) and throws UserError only when a
// whole operation cannot go on; anything else that escapes is an internal bug.
import type { MessageKey } from './locale/messages.js';

export interface SourceLocation {
  /** Path as the user should see it (relative to the project when possible). */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  col?: number;
}

/** A word or phrase from the catalogue used inside another message, resolved when printed,
 *  so a problem found under one language can be shown in another. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type MessageParams = Record<string, string | number | MessageRef>;

export const ref = (key: MessageKey, params?: Record<string, string | number>): MessageRef => ({ key, params });

export interface Problem extends SourceLocation {
  key: MessageKey;
  params?: MessageParams;
  severity: 'error' | 'warning';
}

export const problem = (
  key: MessageKey,
  params: Problem['params'] = {},
  where: SourceLocation = {},
  severity: Problem['severity'] = 'error',
): Problem => ({ key, params, severity, ...where });

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** Exit codes of the CLI (pdfme's contract): written once, used by cli/main.ts. */
export const EXIT = { ok: 0, user: 1, internal: 2, file: 3 } as const;

/** Bad input or a missing file: shown to the user without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly exitCode: number = EXIT.user,
  ) {
    super(problems.map((p) => p.key).join(', '));
    this.name = 'UserError';
  }
}
