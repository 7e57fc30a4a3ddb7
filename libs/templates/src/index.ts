export * from './engine';
export * from './template';
export * from './template-context';
export * from './templates.module';
export * from './templates.service';
export * from './template-linting';
export * from './template-preview';
export * from './template-preview.service';
