// The GitHub API client: Octokit from @actions/github with the retry plugin (5xx and network
// errors, with backoff) and the throttling plugin (rate limits, writes spaced a second apart),
// pointed at the API root the entry point passes (GITHUB_API_URL) so GitHub Enterprise Server
// and test servers work. Rate limits are
// handled as GitHub documents them: wait `retry-after` seconds (403 or 429), or until
// `x-ratelimit-reset` when the primary limit is spent, but only when that is near; otherwise
// give up and let the caller say what it could not post.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** The REST API version every request asks for. */
export const API_VERSION = '2022-11-28';

/** A rate limit is waited out only when it lifts within this many seconds. */
export const MAX_RATE_LIMIT_WAIT_S = 60;

export interface ClientOptions {
  /** API root (the Action passes GITHUB_API_URL); default https://api.github.com. */
  baseUrl?: string;
  /** Milliseconds per second of waiting (1000; tests make it tiny). */
  retryBaseMs?: number;
  /** Retries per request for 5xx and network errors. */
  retries?: number;
  /** Retries per request after hitting a rate limit. */
  rateLimitRetries?: number;
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const {
    baseUrl = 'https://api.github.com',
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
      const again = count < rateLimitRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
      core.info(
        `GitHub API ${kind} on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter}s` : `giving up (it lifts in ${retryAfter}s)`}`,
      );
      return again;
    };
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      // 429 is the throttling plugin's (below): retrying it blindly after a second ignores
      // retry-after.
      retry: {
        retries,
        retryAfterBaseValue: retryBaseMs,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        retryAfterBaseValue: retryBaseMs,
        // The plugin's shared limiters space writes a second apart, and writes that notify
        // (comments) three; a shorter second makes the spacing shorter too.
        ...(retryBaseMs === 1000 ? {} : writeLimiters(retryBaseMs)),
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = API_VERSION;
  });
  // A 429 without GitHub's "secondary rate" wording or a spent primary limit is one the
  // throttling plugin leaves alone: honour its retry-after here (outermost, so the retried
  // request is spaced like any other write).
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = plainTooManyRequests(error);
        if (wait === undefined || wait > MAX_RATE_LIMIT_WAIT_S || attempt >= rateLimitRetries) {
          throw error;
        }
        core.info(
          `GitHub API answered 429 on ${requestOptions.method} ${requestOptions.url}; retrying in ${wait}s`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait * retryBaseMs));
      }
    }
  });
  return octokit;
}

/** The throttling plugin's write and notification limiters, with `secondMs` as their second. */
function writeLimiters(secondMs: number) {
  const group = (id: string, seconds: number) =>
    new Bottleneck.Group({ id, maxConcurrent: 1, minTime: seconds * secondMs });
  return {
    write: group('octokit-write', 1),
    notifications: group('octokit-notifications', 3),
  };
}

interface ErrorWithResponse {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function headersOf(error: unknown): Record<string, string | undefined> {
  return (error as ErrorWithResponse | null)?.response?.headers ?? {};
}

/** Seconds to wait for a 429 that the throttling plugin does not handle, if it is one. */
function plainTooManyRequests(error: unknown): number | undefined {
  if (statusOf(error) !== 429 || isSecondaryWording(error)) return undefined;
  const headers = headersOf(error);
  if (headers['x-ratelimit-remaining'] === '0') return undefined;
  const retryAfter = Number(headers['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.ceil(retryAfter) : 60;
}

function isSecondaryWording(error: unknown): boolean {
  return /\bsecondary rate\b/i.test(String((error as ErrorWithResponse | null)?.message ?? ''));
}

/** The HTTP status of an Octokit request error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403 or 429 that is a rate limit (primary or secondary), not a refusal. */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  const headers = headersOf(error);
  return (
    headers['x-ratelimit-remaining'] === '0' ||
    headers['retry-after'] !== undefined ||
    isSecondaryWording(error) ||
    /rate limit/i.test(String((error as ErrorWithResponse).message ?? ''))
  );
}

/** When a spent primary limit lifts, if the error says. */
export function rateLimitReset(error: unknown): Date | undefined {
  const reset = Number(headersOf(error)['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
}

/** A 403 that is not a rate limit: a missing permission (read-only token, fork PR). */
export function isPermissionDenied(error: unknown): boolean {
  return statusOf(error) === 403 && !isRateLimited(error);
}
