import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthService, type AuthUser, CurrentUser, Public } from '@loa/auth';
import { LoginThrottleGuard } from './login-throttle';
import { CurrentUserDto, LoginDto, LoginResponseDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleGuard,
  ) {}

  @Public()
  @UseGuards(LoginThrottleGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange username and password for a bearer token (limited per user and per address: 429 beyond)' })
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() request: { ip?: string; body?: { username?: unknown } }): Promise<LoginResponseDto> {
    const { accessToken } = await this.auth.login(body.username, body.password);
    this.throttle.forgive(request);
    return { accessToken };
  }

  @AnyRole()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user as the API sees them now: role and province scope (what the dashboard shows and offers)' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthUser): CurrentUserDto {
    return { id: user.id, username: user.username, role: user.role, provinceScope: user.provinceScope };
  }
}
