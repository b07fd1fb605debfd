/** Kiosk stylesheets drawn in the preview box, with container units (admin/build/preview-units.ts). */
declare module '*.css?preview-units' {}
