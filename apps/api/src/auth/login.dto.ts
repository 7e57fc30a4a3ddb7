import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'demo-drafter' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'loa-demo' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({
    description: 'Bearer token for the Authorization header, valid 8 hours; role and scope are read on every request, a password reset or disabling ends it',
  })
  accessToken: string;
}
