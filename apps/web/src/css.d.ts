// Stylesheets imported for their effect (Vite injects them); a dynamic import resolves once the rules apply.
declare module '*.css' {}
