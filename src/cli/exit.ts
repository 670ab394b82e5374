/** The one place that maps outcomes to CLI exit codes. */

/** Everything went well. */
export const EXIT_OK = 0;
/** Some input had problems; diagnostics were printed and the rest was processed. */
export const EXIT_INPUT = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;

/** Thrown by a command action when its arguments are wrong; main prints it and exits with 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
