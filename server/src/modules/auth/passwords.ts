import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import argon2 from 'argon2';
import { invalidField } from '../../lib/errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and quick enough that sign-in stays
// responsive on a two-core server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verifying against this when the email is unknown makes both failures take the same time.
const decoy = hashPassword('rampart-decoy-password');

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await decoy);
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== undefined;
}

// zxcvbn estimates how many guesses a password takes, knowing common passwords, words, names,
// keyboard patterns and what the user told us (their email and name): length alone let
// `1234567890`, ten spaces and the email itself through.
const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

/**
 * Why a new password is too easy to guess, or null when it is strong enough. `context` holds
 * what an attacker knows about the account (email, its local part, names).
 */
export function weakPasswordReason(password: string, context: string[]): string | null {
  const words = context.flatMap((text) => [text, ...text.split(/[@\s.]+/)]).filter(Boolean);
  const result = strength.check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return `is too easy to guess${hint.length > 0 ? `: ${hint.join(' ')}` : ''}`;
}

/**
 * Hashes a password someone is choosing, after refusing one that is easy to guess (a field
 * error on `field`). Every way of setting a password goes through here.
 */
export async function hashNewPassword(
  password: string,
  context: string[],
  field = 'password',
): Promise<string> {
  const weak = weakPasswordReason(password, context);
  if (weak) throw invalidField(field, weak);
  return hashPassword(password);
}
