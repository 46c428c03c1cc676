/** What a matching request gets instead of (or, for `slow`, before) its normal answer. */
export type Fault =
  /** The vendor's own error body for that status (Jira ErrorCollection, GitLab `{"message"}`, HTML for 502s). */
  | { kind: 'status'; status: 401 | 403 | 404 | 500 | 502 | 503 }
  /** 429 with the vendor's headers: Jira `Retry-After` + `X-RateLimit-*` + `RateLimit-Reason`; GitLab `RateLimit-*` + plain `Retry later`. */
  | { kind: 'rate-limit'; retryAfterSeconds: number; reason?: string }
  /** The normal answer, after a delay. */
  | { kind: 'slow'; delayMs: number }
  /** Headers (with the full Content-Length) and half the body, then the socket is destroyed. */
  | { kind: 'cut-off' }
  /** 200 with the first half of the normal JSON body: well-framed HTTP, unparseable JSON. */
  | { kind: 'malformed-json' }
  /** From this request on, every request carrying the same credential gets the vendor's 401. */
  | { kind: 'expire-token' };

export type FaultMatch = {
  /** Case-insensitive; any method when omitted. */
  method?: string;
  /** Tested against the path below the server's basePath, without the query string (e.g. `/rest/api/3/search/jql`). */
  path: RegExp;
  /** Fire at most this many times ("the first N"). */
  times?: number;
  /** Fire on every nth matching request (counted after `afterN`). */
  everyNth?: number;
  /** Let the first N matching requests through untouched; `afterN: 2, times: 1` hits exactly the 3rd. */
  afterN?: number;
};

export type FaultRule = { match: FaultMatch; fault: Fault };
export type FaultPlan = { rules: FaultRule[] };

/** A fault that replaces the answer; `slow` only ever adds delay. */
export type ReplacingFault = Exclude<Fault, { kind: 'slow' }>;
export type FaultDecision = { delayMs: number; fault: ReplacingFault | null };

export type FaultTracker = { decide(method: string, path: string): FaultDecision };

/**
 * Counts matches per rule and decides what each request gets. Every rule counts every request it
 * matches, whether or not an earlier rule already fired, so plans stay predictable when rules
 * overlap. Delays from all firing `slow` rules add up; the first firing replacing fault wins.
 */
export function createFaultTracker(plan: FaultPlan | undefined): FaultTracker {
  const rules = plan?.rules ?? [];
  const seen = rules.map(() => 0);
  const fired = rules.map(() => 0);
  return {
    decide(method, path) {
      let delayMs = 0;
      let fault: ReplacingFault | null = null;
      rules.forEach((rule, i) => {
        const { match } = rule;
        if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return;
        // A /g or /y regex keeps lastIndex between calls; reset it so matching stays stateless.
        match.path.lastIndex = 0;
        if (!match.path.test(path)) return;
        const n = (seen[i] ?? 0) + 1;
        seen[i] = n;
        const afterN = match.afterN ?? 0;
        if (n <= afterN) return;
        if (match.everyNth !== undefined && (n - afterN) % match.everyNth !== 0) return;
        if (match.times !== undefined && (fired[i] ?? 0) >= match.times) return;
        if (rule.fault.kind === 'slow') {
          fired[i] = (fired[i] ?? 0) + 1;
          delayMs += rule.fault.delayMs;
        } else if (fault === null) {
          fired[i] = (fired[i] ?? 0) + 1;
          fault = rule.fault;
        }
      });
      return { delayMs, fault };
    },
  };
}
