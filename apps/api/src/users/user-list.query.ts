import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { type Role, ROLES } from '@loa/auth';
import { PageQuery } from '../common/page.query';

/** GET /users: a page, narrowed by part of the username, role, a province of the scope and whether disabled. */
export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'nguyen', description: 'Part of the username, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: '14', description: 'Users whose scope holds this province (national users hold every one)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}$/, { message: 'province: a current province code, two digits (e.g. 14)' })
  province?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'], description: 'active: can log in; disabled: cannot' })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}
