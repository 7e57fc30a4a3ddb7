import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Write down a phone number as the test number of a user (test sends go only to these)' })
  register(@Body() body: RegisterTestNumberDto, @CurrentUser() user: AuthUser): Promise<TestNumber> {
    return this.testSends.registerNumber(body, user);
  }

  @Get('test-numbers')
  @Roles('admin', 'drafter')
  list(): Promise<TestNumber[]> {
    return this.testSends.listNumbers();
  }

  @Post('campaigns/:id/test-sends')
  @Roles('drafter')
  @ApiOperation({
    summary:
      'Before approval: send the rendered text of chosen provinces to registered test numbers (at most 10 per campaign); never counted in figures, audiences or the daily cap',
  })
  request(@Param('id', ParseIdPipe) id: number, @Body() body: RequestTestSendsDto, @CurrentUser() user: AuthUser): Promise<TestSend[]> {
    return this.testSends.request(id, body, user);
  }

  @Get('campaigns/:id/test-sends')
  @AnyRole()
  @ApiOperation({
    summary:
      "A campaign's test sends: accepted or refused by the carrier (failed, with the reason, when the dispatcher sending it was lost twice), and delivered once its receipt came",
  })
  ofCampaign(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<TestSend[]> {
    return this.testSends.ofCampaign(id, user);
  }
}
