import { type Benchmark } from '@loa/bench';
import { campaignBenchmarks } from './campaign.bench';

/** Every benchmark `loa bench` knows, in the order they run. */
export const ALL_BENCHMARKS: Benchmark[] = [...campaignBenchmarks];
