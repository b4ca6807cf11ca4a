export { allRoutes, api } from './api.js';
export { errorBody } from './errors.js';
export { openApiDocument } from './openapi.js';
export {
  type EventStreamResponse,
  fillPath,
  type Method,
  type RequestInput,
  type ResponseBody,
  type ResponseData,
  type Route,
  type TextDocument,
  type ValidInput,
} from './route.js';
export { type Data, type Schemas, schemas, type Wire } from './schemas.js';
