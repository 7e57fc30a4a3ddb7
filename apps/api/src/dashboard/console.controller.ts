import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '@loa/auth';
import { notFound } from '@loa/common';
import { findProjectRoot } from '@loa/config';

/** The console's build (apps/console, `npm run build`): index.html, favicon.svg and hashed files under assets/. */
export function consoleDir(): string {
  return join(findProjectRoot(), 'dist', 'console');
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};
// Names Vite gives: letters, digits, dots, dashes and underscores; nothing that climbs out of assets/.
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.(js|css|svg)$/;

const NOT_BUILT = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Loa — chưa có giao diện</title></head>
<body><h1>Giao diện Loa chưa được build</h1>
<p>Máy chủ API đang chạy, nhưng chưa có bản build của giao diện (dist/console). Chạy <code>npm run build</code> rồi tải lại trang.</p>
<p lang="en">The console is not built: run <code>npm run build</code>, then reload.</p></body></html>`;

/**
 * GET / (the console) and its files. Public, like the login route: the page holds no data; it logs in with
 * POST /auth/login and reads everything through the API with the bearer token, so the same roles and
 * province scope apply as to any client. The console's own paths (/console/…) answer the same page, which
 * routes in the browser. Without a build the page is a 503 that says how to build it.
 */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleController {
  private index: string | null = null;
  // All text (script, style, SVG): answered as strings (Nest would send a Buffer as JSON).
  private readonly assets = new Map<string, string>();

  @Get()
  @Header('Cache-Control', 'no-cache')
  page(@Res({ passthrough: true }) response: Response): string {
    return this.indexPage(response);
  }

  @Get('console')
  @Header('Cache-Control', 'no-cache')
  home(@Res({ passthrough: true }) response: Response): string {
    return this.indexPage(response);
  }

  @Get('console/*path')
  @Header('Cache-Control', 'no-cache')
  route(@Res({ passthrough: true }) response: Response): string {
    return this.indexPage(response);
  }

  @Get('favicon.svg')
  @Header('Cache-Control', 'public, max-age=86400')
  favicon(@Res({ passthrough: true }) response: Response): string {
    return this.file('favicon.svg', response);
  }

  @Get('assets/:file')
  // Hashed names: a new build has new names, so a browser may keep these for good.
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  asset(@Param('file') file: string, @Res({ passthrough: true }) response: Response): string {
    if (!ASSET_NAME.test(file)) throw notFound(`no console file ${file}`);
    return this.file(join('assets', file), response);
  }

  private indexPage(response: Response): string {
    response.type('text/html; charset=utf-8');
    if (this.index === null) {
      const path = join(consoleDir(), 'index.html');
      if (!existsSync(path)) {
        response.status(503);
        return NOT_BUILT;
      }
      this.index = readFileSync(path, 'utf8');
    }
    return this.index;
  }

  private file(name: string, response: Response): string {
    let content = this.assets.get(name);
    if (content === undefined) {
      const path = join(consoleDir(), name);
      if (!existsSync(path)) throw notFound(`no console file ${name} (run npm run build)`);
      content = readFileSync(path, 'utf8');
      this.assets.set(name, content);
    }
    response.type(TYPES[name.slice(name.lastIndexOf('.') + 1)]);
    return content;
  }
}
