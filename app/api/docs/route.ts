// A readable page of the OpenAPI document: every operation with its parameters, request body and responses,
// and every named schema. Rendered on the server from the same document as /api/v1/openapi.json; no scripts,
// no external assets.
import { openApiDocument } from '@/app/api/v1/_lib/specs';

export const dynamic = 'force-dynamic';

type Schema = Record<string, unknown>;
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `code` spans for `backticks` in descriptions. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function refName(ref: string): string {
  return ref.split('/').at(-1) ?? ref;
}

function typeLabel(schema: Schema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum))
    return schema.enum.map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ');
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) return union.map((member) => typeLabel(member)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  if (type === 'array') return `array of ${typeLabel(schema.items as Schema | undefined)}`;
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `map of ${typeLabel(schema.additionalProperties as Schema)}`;
  }
  return escapeHtml(typeof schema.format === 'string' ? `${type} (${schema.format})` : type);
}

function constraints(schema: Schema): string {
  const notes: string[] = [];
  const numberNote = (key: string, label: string) => {
    const value = schema[key];
    if (typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER) notes.push(`${label} ${value}`);
  };
  numberNote('minLength', 'min length');
  numberNote('maxLength', 'max length');
  numberNote('minimum', 'min');
  numberNote('maximum', 'max');
  numberNote('minItems', 'min items');
  numberNote('maxItems', 'max items');
  if ('default' in schema) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.description === 'string') notes.push(prose(schema.description));
  return notes.map((note) => (note.startsWith('default') ? escapeHtml(note) : note)).join('; ');
}

/** One row per field, nested objects and arrays of objects flattened as `lines[].kind`. */
function fieldRows(schema: Schema, prefix = '', depth = 0): string[] {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties || depth > 4) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const fullName = prefix + name;
    rows.push(
      `<tr><td><code>${escapeHtml(fullName)}</code></td><td>${typeLabel(property)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${constraints(property)}</td></tr>`,
    );
    const items = property.items as Schema | undefined;
    if (property.properties) rows.push(...fieldRows(property, `${fullName}.`, depth + 1));
    else if (items?.properties) rows.push(...fieldRows(items, `${fullName}[].`, depth + 1));
  }
  return rows;
}

function schemaBlock(schema: Schema): string {
  if (typeof schema.$ref === 'string') return `<p>${typeLabel(schema)}</p>`;
  const rows = fieldRows(schema);
  if (rows.length === 0) return `<p>${typeLabel(schema)}</p>`;
  return `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operationSection(path: string, method: string, operation: Operation): string {
  const parts: string[] = [];
  parts.push(
    `<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p><strong>${prose(operation.summary)}</strong>${operation.security?.length === 0 ? ' · no token needed' : ' · needs <code>Authorization: Bearer …</code>'}</p>`,
  );
  if (operation.description) parts.push(`<p>${prose(operation.description)}</p>`);
  if (operation.parameters?.length) {
    const rows = operation.parameters.map(
      (parameter) =>
        `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${escapeHtml(parameter.in)}</td><td>${typeLabel(parameter.schema)}</td><td>${parameter.required ? 'yes' : ''}</td><td>${[parameter.description ? prose(parameter.description) : '', constraints(parameter.schema)].filter(Boolean).join('; ')}</td></tr>`,
    );
    parts.push(
      `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body) parts.push(`<h4>Request body (application/json)</h4>${schemaBlock(body)}`);
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
    const schema = media?.schema;
    let shape = '';
    if (schema) {
      const listItems = (schema.properties as Record<string, Schema> | undefined)?.data?.items as Schema | undefined;
      shape =
        listItems && 'next_cursor' in ((schema.properties as object) ?? {})
          ? `list of ${typeLabel(listItems)}`
          : typeLabel(schema);
    }
    return `<tr><td>${escapeHtml(status)}</td><td>${prose(response.description)}</td><td>${contentType ? `<code>${escapeHtml(contentType)}</code> ${shape}` : ''}</td></tr>`;
  });
  parts.push(
    `<h4>Responses</h4><table><thead><tr><th>status</th><th>meaning</th><th>body</th></tr></thead><tbody>${responses.join('')}</tbody></table>`,
  );
  return `<section id="${escapeHtml(operation.operationId)}">${parts.join('\n')}</section>`;
}

function renderDocs(): string {
  const document = openApiDocument() as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const contents = operations
    .map(
      ({ path, method, operation }) =>
        `<li><a href="#${escapeHtml(operation.operationId)}"><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></a> — ${prose(operation.summary)}</li>`,
    )
    .join('');
  const schemas = Object.entries(document.components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${typeof schema.description === 'string' ? `<p>${prose(schema.description)}</p>` : ''}${schemaBlock(schema)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — API docs</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; color: #1f2937; max-width: 980px; margin: 0 auto; padding: 1.5rem; }
  h1 { margin-bottom: 0.25rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d1d5db; }
  section { border-top: 1px solid #e5e7eb; padding-top: 0.5rem; margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 14px; }
  th, td { border: 1px solid #e5e7eb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #f3f4f6; } code { font-family: ui-monospace, monospace; font-size: 13px; }
  ul.contents { list-style: none; padding: 0; } ul.contents li { margin: 0.15rem 0; }
  .method { display: inline-block; min-width: 4.2em; font: 600 12px ui-monospace, monospace; padding: 0.1rem 0.3rem; border-radius: 4px; background: #e5e7eb; text-align: center; }
  .get { background: #dbeafe; } .post { background: #dcfce7; } .patch, .put { background: #fef3c7; }
  a { color: #1d4ed8; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.info.title)} <small>v${escapeHtml(document.info.version)}</small></h1>
<p>${prose(document.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1).</p>
</header>
<main>
<h2>Endpoints</h2>
<ul class="contents">${contents}</ul>
${operations.map(({ path, method, operation }) => operationSection(path, method, operation)).join('\n')}
<h2>Schemas</h2>
${schemas}
</main>
</body>
</html>`;
}

let cachedHtml: string | undefined;

export function GET() {
  cachedHtml ??= renderDocs();
  return new Response(cachedHtml, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
