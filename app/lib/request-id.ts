// The request id of the document being shown (the server's X-Request-Id), for the error page's "quote this reference".
import { createContext, useContext } from 'react';

export const RequestIdContext = createContext<string | undefined>(undefined);

export const useRequestId = () => useContext(RequestIdContext);

/** Where the error page puts the id, so that the browser hydrates it with the same value the server rendered. */
export const REQUEST_ID_ATTRIBUTE = 'data-request-id';
