import { Module } from '@nestjs/common';
import { ProvincesModule } from '@loa/provinces';
import { ProvincesController } from './provinces.controller';

/** GET /provinces, PATCH /provinces/:code. */
@Module({ imports: [ProvincesModule], controllers: [ProvincesController] })
export class ProvincesHttpModule {}
