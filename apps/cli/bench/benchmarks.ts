import type { Benchmark } from '@loa/bench';
import { campaignBenchmarks } from './campaign.bench';
import { consoleBenchmarks } from './console.bench';
import { dailyCapBenchmarks } from './daily-cap.bench';
import { planAccuracyBenchmarks } from './plan-accuracy.bench';
import { planBenchmarks } from './plan.bench';
import { reportBenchmarks } from './reports.bench';
import { smppBenchmarks } from './smpp.bench';
import { smsBenchmarks } from './sms.bench';
import { subscriberBenchmarks } from './subscribers.bench';
import { templateBenchmarks } from './templates.bench';

/** Every benchmark `loa bench` knows, in the order they run. */
export const ALL_BENCHMARKS: Benchmark[] = [
  ...smsBenchmarks,
  ...templateBenchmarks,
  ...subscriberBenchmarks,
  ...smppBenchmarks,
  ...campaignBenchmarks,
  ...dailyCapBenchmarks,
  ...planBenchmarks,
  ...planAccuracyBenchmarks,
  ...reportBenchmarks,
  ...consoleBenchmarks,
];
