import type { Benchmark } from '@loa/bench';
import { smsBenchmarks } from '@loa/sms';
import { subscriberBenchmarks } from '@loa/subscribers';
import { templateBenchmarks } from '@loa/templates';
import { campaignBenchmarks } from './campaign.bench';
import { smppBenchmarks } from './smpp.bench';

/** Every benchmark `loa bench` knows, in the order they run. */
export const ALL_BENCHMARKS: Benchmark[] = [...smsBenchmarks, ...templateBenchmarks, ...subscriberBenchmarks, ...smppBenchmarks, ...campaignBenchmarks];
