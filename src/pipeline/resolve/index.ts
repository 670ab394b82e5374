/**
 * The resolve stage: links references to works (DOI, else metadata match, else a stable key id),
 * flags self-citations, and evaluates metadata matching on a corpus.
 */
export { CandidateIndex } from "./candidates.js";
export { type EvalOptions, type EvalPoint, type EvalResult, evaluateResolution } from "./evaluate.js";
export { type JsonlReference, parseJsonlReference } from "./jsonl.js";
export { AMBIGUITY_MARGIN, bestMatch, MATCH_THRESHOLD, type Match } from "./match.js";
export { foldText, journalKey, personKey, surnameKey, titleKey } from "./normalize.js";
export {
  citedTitle,
  type PreparedReference,
  prepareReference,
  referenceMeta,
  unresolvedKey,
  workFromReference,
} from "./reference.js";
export { reresolveUnresolved } from "./reresolve.js";
export { type CandidateLookup, type Resolution, Resolver } from "./resolver.js";
export { type MatchMeta, score } from "./score.js";
export { type AuthorSet, authorSet, isSelfCitation } from "./self-citation.js";

/** Version of the resolver; stored with every ingested source. A change re-ingests sources. */
export const RESOLVER_VERSION = "resolve-4";
