import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Podium's Prometheus metrics, on a registry of their own (so tests can run several apps). */
export interface Metrics {
  registry: Registry;
  slideChanges: Counter;
  listenerReconnects: Counter;
  fanoutDuration: Histogram;
}

/** Builds the registry; `openStreams` is read at scrape time for `podium_sse_clients`. */
export function createMetrics(openStreams: () => number, withDefaults = true): Metrics {
  const registry = new Registry();
  if (withDefaults) {
    collectDefaultMetrics({ register: registry, prefix: 'podium_process_' });
    // It tells anyone the exact Node version.
    registry.removeSingleMetric('podium_process_nodejs_version_info');
  }
  new Gauge({
    name: 'podium_sse_clients',
    help: 'Open Server-Sent Events streams in this process.',
    registers: [registry],
    collect() {
      this.set(openStreams());
    },
  });
  return {
    registry,
    slideChanges: new Counter({
      name: 'podium_slide_changes_total',
      help: 'Slide changes committed through this process.',
      registers: [registry],
    }),
    listenerReconnects: new Counter({
      name: 'podium_listener_reconnects_total',
      help: 'Times the LISTEN connection was re-established after a loss.',
      registers: [registry],
    }),
    fanoutDuration: new Histogram({
      name: 'podium_fanout_duration_seconds',
      help: 'Time to write one slide change to every stream of its deck in this process.',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
  };
}
