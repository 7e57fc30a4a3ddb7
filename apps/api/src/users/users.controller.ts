import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { type AuthUser, CurrentUser, MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, type Role, ROLES, Roles, UsersService, type UserView } from '@loa/auth';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { UserListQuery } from './user-list.query';

const PROVINCE_CODE = /^\d{2}$/;
const PASSWORD_RULES =
  `At least ${MIN_PASSWORD_LENGTH} characters, not containing the username, and hard to guess (zxcvbn score ${MIN_PASSWORD_SCORE} or more with its ` +
  'common-password and English dictionaries); a refusal is a 400 whose details.rule is PASSWORD_TOO_SHORT, PASSWORD_CONTAINS_USERNAME or PASSWORD_TOO_GUESSABLE';

export class CreateUserDto {
  @ApiProperty({ example: 'nguyen.van.a' })
  @IsString()
  @Length(3, 64)
  username: string;

  @ApiProperty({ description: PASSWORD_RULES, minLength: MIN_PASSWORD_LENGTH, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Province codes; null or absent: national', example: ['14'], nullable: true, type: [String] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(34)
  @Matches(PROVINCE_CODE, { each: true, message: 'each province must be a two-digit province code' })
  provinces?: string[] | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Province codes, or null for national', nullable: true, type: [String] })
  @ValidateIf((dto: UpdateUserDto) => dto.provinces !== undefined && dto.provinces !== null)
  @ArrayMinSize(1)
  @ArrayMaxSize(34)
  @Matches(PROVINCE_CODE, { each: true, message: 'each province must be a two-digit province code' })
  provinces?: string[] | null;

  @ApiPropertyOptional({ description: `A new password (older tokens stop working). ${PASSWORD_RULES}`, minLength: MIN_PASSWORD_LENGTH, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'true: the user can no longer log in, and their tokens stop at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Users within your province scope, oldest first; narrowed by part of the username, role, province and status' })
  list(@Query() query: UserListQuery, @CurrentUser() user: AuthUser): Promise<UserView[]> {
    const disabled = query.status === undefined ? undefined : query.status === 'disabled';
    return this.users.list(user, query.limit, query.offset, { username: query.q, role: query.role, province: query.province, disabled });
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (password hashed with scrypt)' })
  create(@Body() body: CreateUserDto, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.create(user, { username: body.username, password: body.password, role: body.role, provinceScope: body.provinces ?? null });
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change role or provinces, reset the password, disable or enable; takes effect on the next request' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateUserDto, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.update(user, id, { role: body.role, provinceScope: body.provinces, password: body.password, disabled: body.disabled });
  }
}
