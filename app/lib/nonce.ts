// The CSP nonce of this response, handed from entry.server to the scripts the root renders.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
