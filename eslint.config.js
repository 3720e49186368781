// Lint rules: the recommended sets of ESLint and typescript-eslint, plus the few style rules of
// docs/architecture.md that a linter can check.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "data/", "node_modules/", "src/generated/", "coverage/", "tests/.tmp/", "bench/.tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration from src/config.ts (the only reader of process.env)." },
      ],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // The configuration module, entry points of tools and tests may read the environment.
    files: ["src/config.ts", "tests/**", "bench/**", "prisma/**", "vitest.config.ts", "prisma.config.ts", "*.js", "*.mjs"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
