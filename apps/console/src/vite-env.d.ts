// Styles are imported for Vite to bundle into the CSS file.
declare module '*.css';
