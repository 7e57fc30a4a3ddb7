import { type NextFunction, type Request, type Response } from 'express';
import { type MetricsService } from './metrics.service';

/** Observes every HTTP request's duration by method, route pattern (never the raw path: ids would explode the series) and status. */
export function requestMetrics(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = request.route ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDurations.observe({ method: request.method, route, status_code: String(response.statusCode) }, seconds);
    });
    next();
  };
}
