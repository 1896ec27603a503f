/**
 * Staff sessions ended before their time (sign-out), by token id. Checked on every authenticated
 * request, so a token copied before its owner signed out is refused on every instance. An entry is
 * kept only until the token would have expired anyway.
 */
export interface SessionRevocations {
  /** `expiresAt` is the token's own expiry, in seconds since the epoch. */
  revoke(tokenId: string, expiresAt: number): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
}
