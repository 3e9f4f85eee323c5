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
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body });

    const send = (status: number, data: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      });
      res.end(JSON.stringify(data));
    };
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
      if (method === 'GET') return send(200, this.comments.get(issue) ?? []);
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
      const { output } = body as { output?: { annotations?: FakeCheckRun['annotations'] } };
      const annotations = output?.annotations ?? [];
      if (annotations.length > 50) return send(422, tooManyAnnotations());
      run.annotations.push(...annotations);
      return send(200, { ...run, html_url: `https://github.com/acme/deploy/runs/${run.id}` });
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
