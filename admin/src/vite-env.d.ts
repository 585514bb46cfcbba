/// <reference types="vite/client" />

/** The committed schema (schema/schema.graphql) as introspection, made at build time (admin/vite.config.mts). */
declare module 'virtual:tradebook-introspection' {
  const schema: import('graphql').IntrospectionSchema;
  export default schema;
}
