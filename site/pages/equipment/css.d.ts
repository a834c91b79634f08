// esbuild emits a page's imported stylesheet as its own hashed CSS file; TypeScript only needs to accept the import.
declare module '*.css';
