import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuditLogRepository, type AuthUser, CurrentUser } from '@loa/auth';
import { invalid } from '@loa/common';
import { SubscriberMessagesRepository } from '@loa/delivery';
import { InvalidMsisdn, normalizeMsisdn } from '@loa/subscribers';

/** At most this many messages, newest first: years of warnings to one number. */
const MAX_MESSAGES = 200;

export class SubscriberMessageDto {
  @ApiProperty() campaignId: number;
  @ApiProperty({ example: 'Cảnh báo lừa đảo trước Tết' }) campaignName: string;
  @ApiProperty({ example: '14' }) provinceCode: string;
  @ApiProperty({ example: 'viettel' }) carrier: string;
  @ApiProperty({ example: 'delivered', description: 'The message state (queued, submitted, delivered, undeliverable, cancelled…)' }) state: string;
  @ApiProperty({ description: 'The text it carried' }) text: string;
  @ApiProperty({ nullable: true, type: Date, description: 'When it went to the carrier' }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When it reached its final state' }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, example: 'DELIVRD', description: "The carrier's receipt" }) receipt: string | null;
}

export class SubscriberMessagesDto {
  @ApiProperty({ example: '84912345678' }) msisdn: string;
  @ApiProperty({ type: [SubscriberMessageDto] }) messages: SubscriberMessageDto[];
}

/**
 * "I received an SMS signed CONGAN, is it really from you?": every warning Loa sent one number, within the
 * caller's provinces. A lookup of personal data, so every one is an audit entry (the number masked to all but admins).
 */
@ApiTags('subscribers')
@ApiBearerAuth()
@Controller('subscribers')
export class SubscriberMessagesController {
  constructor(
    private readonly messages: SubscriberMessagesRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  @Get(':msisdn/messages')
  @AnyRole()
  @ApiOperation({ summary: 'What Loa sent one number within your provinces: when, its state and receipt (audited)' })
  @ApiParam({ name: 'msisdn', example: '0912345678', description: 'Any accepted form: 0912345678, 84912345678, +84 912 345 678' })
  @ApiOkResponse({ type: SubscriberMessagesDto })
  async lookup(@Param('msisdn') input: string, @CurrentUser() user: AuthUser): Promise<SubscriberMessagesDto> {
    const msisdn = normalizeMsisdn(input);
    if (msisdn instanceof InvalidMsisdn) throw invalid(`msisdn: ${msisdn.reason}`, { field: 'msisdn', reason: msisdn.reason });
    const messages = await this.messages.ofNumber(msisdn, user.provinceScope, MAX_MESSAGES);
    const provinces = [...new Set(messages.map((message) => message.provinceCode))];
    await this.audit.append(user, {
      action: 'subscriber.lookup',
      objectType: 'subscriber',
      objectId: String(msisdn),
      provinces: provinces.length > 0 ? provinces : user.provinceScope,
      details: { found: messages.length },
    });
    return { msisdn: String(msisdn), messages };
  }
}
