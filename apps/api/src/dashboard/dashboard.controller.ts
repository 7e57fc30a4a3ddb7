import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '@loa/auth';
import { notFound } from '@loa/common';
import { findProjectRoot } from '@loa/config';

/** The dashboard's files, read once: plain HTML, CSS and JavaScript, no build step and nothing from a CDN. */
const ASSETS: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

function assetsDir(): string {
  return join(findProjectRoot(), 'apps', 'api', 'dashboard');
}

/**
 * GET / and its assets. Public, like the login route: the page holds no data; it logs in with
 * POST /auth/login and reads everything through the API with the bearer token, so the same roles and
 * province scope apply as to any client.
 */
@ApiExcludeController()
@Public()
@Controller()
export class DashboardController {
  private readonly files = new Map<string, string>();

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  index(): string {
    return this.read('index.html');
  }

  @Get('dashboard/:file')
  @Header('Cache-Control', 'no-cache')
  asset(@Param('file') file: string, @Res({ passthrough: true }) response: Response): string {
    const type = ASSETS[file];
    if (!type) throw notFound(`no dashboard file ${file}`);
    response.type(type);
    return this.read(file);
  }

  private read(file: string): string {
    let content = this.files.get(file);
    if (content === undefined) {
      content = readFileSync(join(assetsDir(), file), 'utf8');
      this.files.set(file, content);
    }
    return content;
  }
}
