import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { type TestNumber, type TestSend, TestSendsService } from '@loa/campaigns';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { RegisterTestNumberDto, RequestTestSendsDto } from './test-sends.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller()
export class TestSendsController {
  constructor(private readonly testSends: TestSendsService) {}

  @Post('test-numbers')
  @Roles('admin')
  @ApiOperation({ summary: 'Write down a phone number as the test number of a user of your provinces (test sends go only to these)' })
  register(@Body() body: RegisterTestNumberDto, @CurrentUser() user: AuthUser): Promise<TestNumber> {
    return this.testSends.registerNumber(body, user);
  }

  @Get('test-numbers')
  @Roles('admin', 'drafter')
  @ApiOperation({ summary: 'The test numbers of users within your provinces' })
  list(@CurrentUser() user: AuthUser): Promise<TestNumber[]> {
    return this.testSends.listNumbers(user);
  }

  @Post('campaigns/:id/test-sends')
  @Roles('drafter')
  @ApiOperation({
    summary:
      'Before approval: send the rendered text of chosen provinces to test numbers of users in your provinces (at most 10 per campaign, 3 sends per number per hour, 30 per user per day); never counted in figures, audiences or the daily cap',
  })
  @ApiResponse({ status: 201, description: "The campaign's test sends, as GET /campaigns/:id/test-sends shows them" })
  @ApiResponse({
    status: 429,
    description: 'A test-send limit is reached (audited); Retry-After says in how many seconds the same request fits',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        example: {
          statusCode: 429,
          error: 'TOO_MANY_REQUESTS',
          message: 'at most 3 test sends per number per campaign per hour: 84912345678 already had theirs; try again later',
          details: { limit: 'per-number-per-campaign-per-hour', retryAfterSeconds: 1800 },
        },
      },
    },
  })
  request(@Param('id', ParseIdPipe) id: number, @Body() body: RequestTestSendsDto, @CurrentUser() user: AuthUser): Promise<TestSend[]> {
    return this.testSends.request(id, body, user);
  }

  @Get('campaigns/:id/test-sends')
  @AnyRole()
  @ApiOperation({
    summary:
      "A campaign's test sends (texts of your provinces, to test numbers of users in them): accepted or refused by the carrier (failed, with the reason, when the dispatcher sending it was lost twice), and delivered once its receipt came",
  })
  ofCampaign(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<TestSend[]> {
    return this.testSends.ofCampaign(id, user);
  }
}
