import path from "node:path";
import ejs from "ejs";

type Callback = (error: Error | null, html?: string) => void;

/**
 * EJS with a layout: a view renders its own content, then `views/layout.ejs` wraps it (`body`),
 * unless the view is rendered with `layout: false` (fragments, emails).
 */
export function ejsWithLayout(viewsDir: string, settings: { cache: boolean }) {
  const layoutFile = path.join(viewsDir, "layout.ejs");
  return (filePath: string, options: object, callback: Callback) => {
    const locals = options as Record<string, unknown>;
    ejs.renderFile(filePath, locals, { cache: settings.cache, root: viewsDir }, (error, body) => {
      if (error) return callback(error);
      if (locals.layout === false) return callback(null, body);
      ejs.renderFile(layoutFile, { ...locals, body }, { cache: settings.cache, root: viewsDir }, callback);
    });
  };
}
