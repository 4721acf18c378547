/** Load against the running server (autocannon): throughput and latency percentiles, the slowest request, statuses. */
import autocannon from 'autocannon';

export const ms = (n: number) => `${n.toFixed(1)} ms`;

export const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};

export interface LoadFigures {
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function load(base: string, label: string, connections: number, seconds: number, request: autocannon.Request, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, headers, requests: [request] }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, time) => {
      times.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const figures = {
    connections, requests: times.length, perSecond: times.length / seconds,
    p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: times.reduce((a, b) => Math.max(a, b), 0),
    statuses, errors: result.errors, timeouts: result.timeouts,
  };
  console.log(`${label.padEnd(32)} c=${String(connections).padEnd(3)} ${figures.perSecond.toFixed(0).padStart(6)}/s  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}  max ${ms(figures.max)}  ${JSON.stringify(statuses)}`);
  return figures;
}
