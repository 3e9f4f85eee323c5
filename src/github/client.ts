// The GitHub API client: Octokit from @actions/github with the retry plugin (5xx and network
// errors, with backoff) and the throttling plugin (primary and secondary rate limits), pointed
// at GITHUB_API_URL so GitHub Enterprise Server and test servers work.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** API root; default GITHUB_API_URL, else https://api.github.com. */
  baseUrl?: string;
  /** Milliseconds per unit of backoff (Octokit's default is 1000; tests make it tiny). */
  retryBaseMs?: number;
  /** Retries per request for 5xx and network errors. */
  retries?: number;
  /** Retries per request after hitting a rate limit. */
  rateLimitRetries?: number;
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const {
    baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com',
    retryBaseMs = 1000,
    retries = 3,
    rateLimitRetries = 2,
  } = options;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      count: number,
    ) => {
      const again = count < rateLimitRetries;
      core.info(
        `GitHub API ${kind} on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter}s` : 'giving up'}`,
      );
      return again;
    };
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries, retryAfterBaseValue: retryBaseMs },
      throttle: {
        retryAfterBaseValue: retryBaseMs,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit request error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403 left after the throttling plugin: a missing permission (read-only token, fork PR). */
export function isPermissionDenied(error: unknown): boolean {
  return statusOf(error) === 403;
}
