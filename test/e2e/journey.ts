/**
 * The contract between the typed-client test and its journeys. This file is type-checked with the
 * rest of the project; the journeys themselves (journeys/*.ts) only against the types generated
 * from the document, by the test itself.
 */
export interface JourneyContext {
  /** The local system's address; the document's paths carry /v1. */
  baseUrl: string;
  /** A bearer token for `admin`, `store:<storeId>` or `home:<homeId>`, with the role's scopes. */
  token(org: string): Promise<string>;
}

export interface Journey {
  /** What a user does, in a sentence: it names the test. */
  name: string;
  run(context: JourneyContext): Promise<void>;
}
