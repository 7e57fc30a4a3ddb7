import { ROLES, type Role } from '@loa/auth';
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

export class CurrentUserDto {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ example: 'canbo-sonla' })
  username: string;

  @ApiProperty({ enum: ROLES, example: 'operator' })
  role: Role;

  @ApiProperty({ type: [String], nullable: true, description: 'Province codes the user acts for; null is national', example: ['14'] })
  provinceScope: string[] | null;
}
