import { ApiProperty } from '@nestjs/swagger';

export class CarrierLinkErrorDto {
  @ApiProperty({ example: 'submit_sm answered ESME_RTHROTTLED (0x00000058)' })
  message!: string;
  @ApiProperty()
  at!: Date;
}

export class CarrierLinkDto {
  @ApiProperty({ example: 'viettel' })
  carrier!: string;
  @ApiProperty({ enum: ['up', 'down'], description: 'down: no bound session over all dispatchers' })
  status!: 'up' | 'down';
  @ApiProperty({ example: 2 })
  boundSessions!: number;
  @ApiProperty({ description: 'submits awaiting their response (the window in use)' })
  inFlight!: number;
  @ApiProperty({ description: 'parts waiting for a window slot, a TPS token or the end of a pause' })
  queued!: number;
  @ApiProperty({ example: { bound: 1 }, description: "dispatchers' links by state; gone: a dispatcher that stopped reporting" })
  links!: Record<string, number>;
  @ApiProperty({ description: 'submit_sm per second the running links may send (their shares of the account)' })
  tps!: number;
  @ApiProperty({ description: 'outstanding submits the running links allow' })
  window!: number;
  @ApiProperty({ description: 'submit_sm PDUs written since the links started: the rate is its change over time' })
  pdusSent!: number;
  @ApiProperty({ description: 'pauses after throttled (0x58) or queue-full (0x14) answers' })
  throttlePauses!: number;
  @ApiProperty({ example: { '0': 1200, '88': 3 }, description: 'submit_sm_resp by command_status (decimal)' })
  answers!: Record<string, number>;
  @ApiProperty({ example: { DELIVRD: 1180, UNDELIV: 12 } })
  receiptStates!: Record<string, number>;
  @ApiProperty({ type: CarrierLinkErrorDto, nullable: true })
  lastError!: CarrierLinkErrorDto | null;
  @ApiProperty({
    example: { submitted: 1200, accepted: 1190, retried: 7, failed: 3, ambiguous: 0, receipts: 1192, inbound: 0, reconnects: 0, lateResponses: 0 },
  })
  counters!: Record<string, number>;
}
