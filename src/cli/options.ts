/** Checks of numeric command-line options shared by the commands; a bad value is a usage error (exit 2). */
import { UsageError } from "./exit.js";

/**
 * Parses an integer option that must be at least 1 (and at most `max` when given).
 *
 * @example integerOption("--page", "2") // 2
 */
export function integerOption(flag: string, value: string, max?: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || (max !== undefined && n > max)) {
    throw new UsageError(
      max === undefined
        ? `${flag} must be a positive integer, not "${value}"`
        : `${flag} must be an integer from 1 to ${max}, not "${value}"`,
    );
  }
  return n;
}
