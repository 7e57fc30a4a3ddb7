import { ApiProperty } from '@nestjs/swagger';
import { type DeadlineEntry } from '@loa/reporting';

/** Were a paused campaign (or a programme's) resumed now: when sending would end, and whether by the deadline. */
export class DeadlineResumeDto {
  @ApiProperty({ type: Date, nullable: true, description: 'When the last message would go; null when the plan cannot say (beyond 60 days)' })
  estimatedFinishAt!: Date | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether that is by the report deadline; null when the plan cannot say' })
  finishesInTime!: boolean | null;
}

/** One line of GET /reports/deadlines: a campaign or a programme whose report is due soon. */
export class DeadlineEntryDto implements DeadlineEntry {
  @ApiProperty({ enum: ['campaign', 'programme'] })
  kind!: 'campaign' | 'programme';
  @ApiProperty({ example: 12 })
  id!: number;
  @ApiProperty({ example: 'Cảnh báo lừa đảo OTP — Sơn La' })
  name!: string;
  @ApiProperty({ type: Date })
  reportDeadline!: Date;
  @ApiProperty({ example: 'running', description: "A campaign's state code; a programme's `empty`, `in_progress` or `completed`" })
  state!: string;
  @ApiProperty({ example: 'Đang gửi', description: 'The state in Vietnamese' })
  stateLabel!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.974,
    description: 'Delivered over submitted, a fraction (0.974 is 97.4 %); null before anything is submitted',
  })
  deliveryRate!: number | null;
  @ApiProperty({ example: 9000 })
  targeted!: number;
  @ApiProperty({ example: 8766 })
  delivered!: number;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Whether sending ends by the deadline: a completed campaign by when it completed, a cancelled one never, others by their plan; null when the plan cannot say, and while paused (see ifResumedNow)',
  })
  finishesInTime!: boolean | null;
  @ApiProperty({ description: 'The campaign (a programme: one of its campaigns) is paused: nothing is sent, so no finish is claimed' })
  paused!: boolean;
  @ApiProperty({
    type: DeadlineResumeDto,
    nullable: true,
    description: 'While paused: the finish were it resumed now (it moves with the clock); null otherwise',
  })
  ifResumedNow!: DeadlineResumeDto | null;
}
