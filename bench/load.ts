import autocannon from 'autocannon';

/** Latency percentiles (ms) and throughput (requests/s) of one load run. */
export interface LoadStats {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface HttpLoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration: number;
  amount?: number;
  next: () => GraphQLRequest;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * GraphQL over real HTTP with autocannon. Every request draws fresh variables (no two identical bodies in a row), and
 * every response body is checked: a 200 carrying `errors` counts as an error, as a transport error or non-2xx does.
 */
export async function httpLoad(o: HttpLoadOptions): Promise<LoadStats> {
  let graphqlErrors = 0;
  let firstError: string | null = null;
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(o.next()) }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          graphqlErrors++;
          firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  if (firstError) console.error(`  first failed response: ${firstError}`);
  const requests = result.requests.total;
  return {
    p50: round(result.latency.p50),
    p99: round(result.latency.p99),
    rps: round(requests / result.duration),
    requests,
    errors: graphqlErrors + result.errors + result.timeouts,
  };
}

/** The SQL floor: `connections` concurrent loops through `pg` for `duration` seconds, same percentiles. */
export async function sqlLoad(connections: number, duration: number, request: () => Promise<unknown>): Promise<LoadStats> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + duration * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await request();
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  if (firstError) console.error(`  first failed SQL request: ${firstError}`);
  latencies.sort((a, b) => a - b);
  return {
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    rps: round(latencies.length / seconds),
    requests: latencies.length,
    errors,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
