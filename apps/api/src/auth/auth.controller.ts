import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, Public } from '@loa/auth';
import { LoginThrottleGuard } from './login-throttle';
import { LoginDto, LoginResponseDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottleGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange username and password for a bearer token (limited per user and per address: 429 beyond)' })
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const { accessToken } = await this.auth.login(body.username, body.password);
    return { accessToken };
  }
}
