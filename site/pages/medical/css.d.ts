// Page stylesheets are imported for esbuild, which emits them as the page's own CSS file.
declare module '*.css';
