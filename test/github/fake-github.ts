// A stand-in for the GitHub REST API on 127.0.0.1, for end-to-end tests of the Action. It
// records every request and enforces the failure modes the Action must survive: 422 for more
// than 50 check-run annotations in one request, 422 for a comment body over 65,536
// characters, 403 for writes with a read-only token, and scripted 5xx replies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** When it arrived (ms since the epoch) and what it was answered. */
  at: number;
  status?: number;
}

/** A scripted rate-limit reply: `retry-after`, or a spent primary limit resetting in `resetS`. */
export interface RateLimitFault {
  method: string;
  path: RegExp;
  status: 403 | 429;
  times: number;
  retryAfterS?: number;
  /** x-ratelimit-remaining 0, resetting this many seconds from now. */
  resetS?: number;
  secondary?: boolean;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id?: string;
  app: { slug: string };
  status?: string;
  conclusion?: string;
  output: { title?: string; summary?: string };
  annotations: Array<Record<string, unknown>>;
}

export interface FakeGitHubOptions {
  /** Every write answers 403, as GitHub does for a fork's pull_request token. */
  readOnly?: boolean;
  /** `pulls.listFiles` entries per pull request number. */
  pullFiles?: Record<number, Array<{ filename: string; patch?: string }>>;
  /** What `pulls.list` returns. */
  pulls?: Array<{
    number: number;
    head: { sha: string; ref: string; label: string };
    base: { sha: string };
  }>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments = new Map<number, FakeComment[]>();
  readonly checkRuns: FakeCheckRun[] = [];
  /** Scripted failures: the next matching requests get this status. */
  readonly failures: Array<{ method: string; path: RegExp; status: number; times: number }> = [];
  readonly rateLimits: RateLimitFault[] = [];
  private nextId = 1000;
  private server = createServer((req, res) => this.handle(req, res));

  constructor(readonly options: FakeGitHubOptions = {}) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A check run another app (or an earlier run) made. */
  seedCheckRun(run: Omit<FakeCheckRun, 'id'>): FakeCheckRun {
    const seeded = { ...run, id: this.nextId++ };
    this.checkRuns.push(seeded);
    return seeded;
  }

  /** A comment someone else wrote, e.g. a human quoting our marker. */
  seedComment(issue: number, body: string, user: FakeComment['user']): FakeComment {
    const comment = {
      id: this.nextId++,
      body,
      user,
      html_url: `https://github.com/c/${this.nextId}`,
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
    return comment;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      headers: req.headers,
      at: Date.now(),
    };
    this.requests.push(recorded);

    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...headers,
      });
      res.end(JSON.stringify(data));
    };
    /** A list with GitHub's Link pagination (`page`, `per_page`). */
    const paged = (items: unknown[]) => {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page')) || 30);
      const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number, rel: string) => {
        const next = new URL(url.toString());
        next.host = req.headers.host ?? next.host;
        next.searchParams.set('page', String(n));
        return `<${next.toString()}>; rel="${rel}"`;
      };
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      return send(
        200,
        items.slice((page - 1) * perPage, page * perPage),
        links.length ? { link: links.join(', ') } : {},
      );
    };
    const limit = this.rateLimits.find(
      (f) => f.times > 0 && f.method === method && f.path.test(url.pathname),
    );
    if (limit) {
      limit.times--;
      const headers: Record<string, string> = {};
      if (limit.retryAfterS !== undefined) headers['retry-after'] = String(limit.retryAfterS);
      if (limit.resetS !== undefined) {
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = String(Math.ceil(Date.now() / 1000) + limit.resetS);
      }
      return send(
        limit.status,
        {
          message: limit.secondary
            ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
            : limit.status === 429
              ? 'Too Many Requests'
              : 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
        headers,
      );
    }
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.path.test(url.pathname),
    );
    if (failure) {
      failure.times--;
      return send(failure.status, { message: 'Server Error' });
    }
    if (method !== 'GET' && this.options.readOnly) {
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      });
    }

    const route = (pattern: RegExp) => url.pathname.match(pattern);
    let m: RegExpMatchArray | null;
    if (method === 'GET' && url.pathname === '/user') {
      // Installation tokens (GITHUB_TOKEN) may not read /user.
      return send(403, { message: 'Resource not accessible by integration' });
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      if (method === 'GET') return paged(this.comments.get(issue) ?? []);
      if (method === 'POST') {
        const { body: commentBody } = body as { body: string };
        if (commentBody.length > 65_536) return send(422, bodyTooLong());
        const comment = {
          id: this.nextId++,
          body: commentBody,
          user: BOT,
          html_url: `https://github.com/acme/deploy/pull/${issue}#issuecomment-${this.nextId}`,
        };
        this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
        return send(201, comment);
      }
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(m![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      const { body: commentBody } = body as { body: string };
      if (commentBody.length > 65_536) return send(422, bodyTooLong());
      comment.body = commentBody;
      return send(200, comment);
    }
    if (route(/^\/repos\/[^/]+\/[^/]+\/check-runs$/) && method === 'POST') {
      const input = body as Omit<FakeCheckRun, 'id' | 'annotations' | 'output'> & {
        output?: FakeCheckRun['output'] & { annotations?: FakeCheckRun['annotations'] };
      };
      const annotations = input.output?.annotations ?? [];
      if (annotations.length > 50) return send(422, tooManyAnnotations());
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: input.name,
        head_sha: input.head_sha,
        ...(input.external_id ? { external_id: input.external_id } : {}),
        app: { slug: 'github-actions' },
        status: input.status,
        conclusion: input.conclusion,
        output: { title: input.output?.title, summary: input.output?.summary },
        annotations: [...annotations],
      };
      this.checkRuns.push(run);
      return send(201, { ...run, html_url: `https://github.com/acme/deploy/runs/${run.id}` });
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/)) && method === 'PATCH') {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(404, { message: 'Not Found' });
      const { output, conclusion, status } = body as {
        output?: FakeCheckRun['output'] & { annotations?: FakeCheckRun['annotations'] };
        conclusion?: string;
        status?: string;
      };
      const annotations = output?.annotations ?? [];
      if (annotations.length > 50) return send(422, tooManyAnnotations());
      run.annotations.push(...annotations);
      if (output?.title !== undefined) run.output.title = output.title;
      if (output?.summary !== undefined) run.output.summary = output.summary;
      if (conclusion) run.conclusion = conclusion;
      if (status) run.status = status;
      return send(200, { ...run, html_url: `https://github.com/acme/deploy/runs/${run.id}` });
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/)) && method === 'GET') {
      const name = url.searchParams.get('check_name');
      const runs = this.checkRuns
        .filter((r) => r.head_sha === m![1] && (!name || r.name === name))
        .map((r) => ({
          ...r,
          output: { ...r.output, annotations_count: r.annotations.length },
          annotations: undefined,
        }));
      return send(200, { total_count: runs.length, check_runs: runs });
    }
    if ((m = route(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/)) && method === 'GET') {
      return send(200, this.options.pullFiles?.[Number(m[1])] ?? []);
    }
    if (route(/^\/repos\/[^/]+\/[^/]+\/pulls$/) && method === 'GET') {
      const head = url.searchParams.get('head');
      return send(
        200,
        (this.options.pulls ?? []).filter((p) => !head || p.head.label === head),
      );
    }
    return send(404, { message: 'Not Found', path: url.pathname });
  }
}

function bodyTooLong() {
  return {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
  };
}

function tooManyAnnotations() {
  return {
    message: 'Invalid request.\n\nOnly 50 annotations are allowed per request.',
  };
}
